package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Splits a spec into the items it is compared by: every key Upsun documents is covered,
 * at the level a person reasons about (a whole route, a web location, one hook).
 */
public final class SpecItems {

	private static final int SHOWN_MAX = 160;

	private SpecItems() {
	}

	/** The items by area, then in the order written; keys are unique within an area. */
	public static List<SpecItem> of(Spec spec) {
		Map<String, List<SpecItem>> byArea = new LinkedHashMap<>();
		SpecItem.AREAS.forEach((area) -> byArea.put(area, new ArrayList<>()));
		spec.applications().forEach((app, settings) -> application(byArea, app, settings));
		spec.services()
			.forEach((name, service) -> add(byArea, SpecItem.SERVICE, name, List.of("services", name), service));
		spec.routes().forEach((url, route) -> add(byArea, SpecItem.ROUTE, url, List.of("routes", url), route));
		List<SpecItem> items = new ArrayList<>();
		byArea.values().forEach(items::addAll);
		return items;
	}

	private static void application(Map<String, List<SpecItem>> byArea, String app, @Nullable Object settings) {
		List<String> at = List.of("applications", app);
		if (!(settings instanceof Map<?, ?> map)) {
			add(byArea, SpecItem.RUNTIME, app, path(at, "type"), null);
			return;
		}
		add(byArea, SpecItem.RUNTIME, app, path(at, "type"), map.get("type"));
		map.forEach((rawKey, value) -> {
			String key = String.valueOf(rawKey);
			List<String> keyAt = path(at, key);
			switch (key) {
				case "type" -> {
				}
				case "relationships" -> each(byArea, SpecItem.RELATIONSHIP, app + ".", keyAt, value);
				case "mounts" -> each(byArea, SpecItem.MOUNT, app + ":", keyAt, value);
				case "hooks" -> each(byArea, SpecItem.HOOK, app + ".", keyAt, value);
				case "crons" -> each(byArea, SpecItem.CRON, app + ".", keyAt, value);
				case "workers" -> each(byArea, SpecItem.WORKER, app + ".", keyAt, value);
				case "web" -> web(byArea, app, keyAt, value);
				default -> add(byArea, SpecItem.SETTING, app + "." + key, keyAt, value);
			}
		});
	}

	private static void web(Map<String, List<SpecItem>> byArea, String app, List<String> at, @Nullable Object web) {
		if (!(web instanceof Map<?, ?> map)) {
			add(byArea, SpecItem.WEB, app + ".web", at, web);
			return;
		}
		map.forEach((rawKey, value) -> {
			String key = String.valueOf(rawKey);
			if (key.equals("locations") && value instanceof Map<?, ?>) {
				each(byArea, SpecItem.WEB, app + ":", path(at, key), value);
			}
			else {
				add(byArea, SpecItem.WEB, app + "." + key, path(at, key), value);
			}
		});
	}

	/** One item per entry of a mapping; a value that is not a mapping is one item. */
	private static void each(Map<String, List<SpecItem>> byArea, String area, String prefix, List<String> at,
			@Nullable Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			add(byArea, area, prefix.substring(0, prefix.length() - 1) + "." + at.getLast(), at, value);
			return;
		}
		map.forEach((key, entry) -> add(byArea, area, prefix + key, path(at, String.valueOf(key)), entry));
	}

	private static void add(Map<String, List<SpecItem>> byArea, String area, String key, List<String> path,
			@Nullable Object value) {
		List<SpecItem> items = byArea.get(area);
		if (items == null) {
			throw new IllegalArgumentException("No spec area \"" + area + "\"");
		}
		items.add(new SpecItem(area, key, path, value));
	}

	private static List<String> path(List<String> at, String key) {
		List<String> path = new ArrayList<>(at);
		path.add(key);
		return path;
	}

	static String shown(SpecItem item) {
		Object value = item.value();
		if (item.area().equals(SpecItem.RUNTIME) && value instanceof String type) {
			return type.replaceFirst(":", " ");
		}
		if (item.area().equals(SpecItem.SERVICE) && value instanceof Map<?, ?> service
				&& service.get("type") instanceof String type) {
			Map<Object, Object> rest = new LinkedHashMap<>(service);
			rest.remove("type");
			StringBuilder shown = new StringBuilder(type.replaceFirst(":", " "));
			rest.forEach((key, setting) -> shown.append(", ")
				.append(key)
				.append(setting instanceof Map<?, ?> || setting instanceof List<?> ? ": " + YamlWriter.flow(setting)
						: " " + setting));
			return truncate(shown.toString());
		}
		if (value instanceof String text) {
			return truncate(text.strip());
		}
		return truncate((value == null) ? "(empty)" : YamlWriter.flow(value));
	}

	private static String truncate(String text) {
		return (text.length() <= SHOWN_MAX) ? text : text.substring(0, SHOWN_MAX - 1) + "\u2026";
	}

}
