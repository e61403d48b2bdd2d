package app.lockstep.domain.tenancy;

import app.lockstep.domain.shared.OrgId;
import java.time.ZoneId;

public record Organization(OrgId id, String slug, String name, ZoneId timeZone) {
}
