package app.lockstep.web.tenancy;

import java.time.ZoneId;
import java.util.List;

/**
 * Region time zones offered in forms (a free-text field with suggestions; any valid zone
 * id is accepted).
 */
public final class TimeZones {

	public static final List<String> ALL = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((id) -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
		.sorted()
		.toList();

	private TimeZones() {
	}

}
