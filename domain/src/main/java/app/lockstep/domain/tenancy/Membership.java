package app.lockstep.domain.tenancy;

/** One organization a person belongs to, with their role there. */
public record Membership(Organization organization, Role role) {
}
