package app.lockstep.domain.shared;

import java.time.ZoneId;

public record Organization(OrgId id, String slug, String name, ZoneId timeZone) {
}
