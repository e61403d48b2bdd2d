/**
 * One chronological stream per environment: the code pushed to its branch, its config
 * revisions, deployments, approvals, window and policy changes and (for production)
 * organization-wide freezes, merged newest first from the audit trail and the code
 * changes, with filters by kind and keyset paging.
 */
@NullMarked
package app.lockstep.domain.timeline;

import org.jspecify.annotations.NullMarked;
