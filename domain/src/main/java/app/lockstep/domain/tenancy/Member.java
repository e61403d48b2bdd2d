package app.lockstep.domain.tenancy;

import java.time.Instant;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.UserId;

public record Member(UserId userId, String email, String name, Role role, Instant since) {
}
