/**
 * Reports for compliance: the change-management report (page, print and CSV) and "what
 * changed between these two deployments".
 */
@NullMarked
package app.lockstep.web.report;

import org.jspecify.annotations.NullMarked;
