/** The DORA metrics page, its CSV and its JSON. */
@NullMarked
package app.lockstep.web.insight;

import org.jspecify.annotations.NullMarked;
