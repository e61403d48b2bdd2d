package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.spec.SpecItem;
import org.jspecify.annotations.Nullable;

/**
 * Says in a few words how two environments differ: version differences by name and
 * version ("php 8.3 vs 8.2"), everything else counted per area ("2 variables differ").
 */
final class DriftHeadline {

	private static final Map<String, String[]> NOUNS = nouns();

	private DriftHeadline() {
	}

	static String of(List<DriftItem> items) {
		List<String> parts = new ArrayList<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		NOUNS.keySet().forEach((area) -> counts.put(area, 0));
		for (DriftItem item : items) {
			if (!item.differs()) {
				continue;
			}
			String versions = versions(item);
			if (versions != null) {
				parts.add(versions);
			}
			else {
				counts.merge(item.area(), 1, Integer::sum);
			}
		}
		counts.forEach((area, count) -> {
			if (count > 0) {
				String[] noun = NOUNS.getOrDefault(area, new String[] { area, area + "s" });
				parts.add((count == 1) ? "1 " + noun[0] + " differs" : count + " " + noun[1] + " differ");
			}
		});
		return String.join(", ", parts);
	}

	/**
	 * "php 8.3 vs 8.2" or "mariadb 10.11 vs mysql 8.0" for a runtime or service on
	 * another version; null for any other difference.
	 */
	private static @Nullable String versions(DriftItem item) {
		boolean versioned = DriftItem.RUNTIME.equals(item.area()) || DriftItem.SERVICE.equals(item.area());
		if (!versioned || item.kind() != ChangeKind.CHANGED || item.left() == null || item.right() == null) {
			return null;
		}
		String[] left = nameAndVersion(item.left());
		String[] right = nameAndVersion(item.right());
		if (left[0].equals(right[0])) {
			return left[1].equals(right[1]) ? null : left[0] + " " + left[1] + " vs " + right[1];
		}
		return left[0] + " " + left[1] + " vs " + right[0] + " " + right[1];
	}

	/** Reads back what {@link Drift} shows: "php 8.3" or "mariadb 10.11, disk 2048". */
	private static String[] nameAndVersion(String shown) {
		String type = shown.split(", ", 2)[0];
		int space = type.indexOf(' ');
		return (space < 0) ? new String[] { type, "" }
				: new String[] { type.substring(0, space), type.substring(space + 1) };
	}

	private static Map<String, String[]> nouns() {
		Map<String, String[]> nouns = new LinkedHashMap<>();
		nouns.put(DriftItem.RUNTIME, new String[] { "application", "applications" });
		nouns.put(DriftItem.SERVICE, new String[] { "service", "services" });
		nouns.put(DriftItem.RELATIONSHIP, new String[] { "relationship", "relationships" });
		nouns.put(DriftItem.MOUNT, new String[] { "mount", "mounts" });
		nouns.put(SpecItem.ROUTE, new String[] { "route", "routes" });
		nouns.put(SpecItem.WEB, new String[] { "web setting", "web settings" });
		nouns.put(SpecItem.HOOK, new String[] { "hook", "hooks" });
		nouns.put(SpecItem.CRON, new String[] { "cron", "crons" });
		nouns.put(SpecItem.WORKER, new String[] { "worker", "workers" });
		nouns.put(SpecItem.SETTING, new String[] { "setting", "settings" });
		nouns.put(DriftItem.VARIABLE, new String[] { "variable", "variables" });
		return nouns;
	}

}
