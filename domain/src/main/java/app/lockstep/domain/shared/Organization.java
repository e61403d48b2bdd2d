package app.lockstep.domain.shared;

import java.time.ZoneId;

/**
 * A tenant: its URL slug, name, default time zone, and whether its members must use
 * two-factor authentication to open its pages.
 */
public record Organization(OrgId id, String slug, String name, ZoneId timeZone, boolean requiresTwoFactor) {

	/** An organization that does not require two-factor authentication. */
	public Organization(OrgId id, String slug, String name, ZoneId timeZone) {
		this(id, slug, name, timeZone, false);
	}

}
