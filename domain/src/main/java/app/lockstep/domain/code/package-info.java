/**
 * Code changes and artifacts: the commits pushed to a project's repository (through a
 * GitHub or GitLab push webhook, or the API for other forges) and the builds CI
 * registers. Both are records (never edited) and audit events, so code and config changes
 * sit in one log. {@link app.lockstep.domain.code.CodeChanges#commitsBetween} and
 * {@link app.lockstep.domain.code.Artifacts#artifact} are what deployments read.
 */
@NullMarked
package app.lockstep.domain.code;

import org.jspecify.annotations.NullMarked;
