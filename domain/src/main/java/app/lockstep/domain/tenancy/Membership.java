package app.lockstep.domain.tenancy;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.Organization;

/** One organization a person belongs to, with their role there. */
public record Membership(Organization organization, Role role) {
}
