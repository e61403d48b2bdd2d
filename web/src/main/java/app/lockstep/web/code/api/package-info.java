/**
 * Code changes and artifacts as JSON: the public push webhooks (GitHub, GitLab), code
 * changes for other forges, artifacts, and the webhook secret for automation.
 */
@NullMarked
package app.lockstep.web.code.api;

import org.jspecify.annotations.NullMarked;
