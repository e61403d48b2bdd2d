package app.lockstep.domain.code;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;

/** The organization and project a hook id belongs to. */
public record WebhookTarget(OrgId org, ProjectId project) {
}
