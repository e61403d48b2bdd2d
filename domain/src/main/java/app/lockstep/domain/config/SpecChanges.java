package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import app.lockstep.domain.config.spec.Spec;
import app.lockstep.domain.config.spec.SpecItem;
import app.lockstep.domain.config.spec.SpecItems;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two specs, in words: runtime and service versions first ("php 8.2
 * → 8.3", "+ redis 7.2", "− mariadb 10.11"), then every other item that changed, named by
 * its area ("db: disk 2048 → 4096", "app: hook build changed", "+ route
 * https://{default}/"). Names are shown only where the runtime or engine alone would be
 * ambiguous.
 */
final class SpecChanges {

	private static final String ADDED = "+ ";

	private static final String REMOVED = "\u2212 ";

	private static final String TO = " \u2192 ";

	/** More changes than this in one area of one owner are counted, not listed. */
	private static final int LISTED = 3;

	private final List<String> versions = new ArrayList<>();

	private final Map<String, List<String>> others = new LinkedHashMap<>();

	private SpecChanges() {
	}

	static List<String> between(Spec before, Spec after) {
		SpecChanges changes = new SpecChanges();
		Map<String, SpecItem> was = byKey(SpecItems.of(before));
		Map<String, SpecItem> is = byKey(SpecItems.of(after));
		boolean namedApps = before.applications().size() > 1 || after.applications().size() > 1;
		List<String> keys = new ArrayList<>(union(was.keySet(), is.keySet()));
		keys.sort(java.util.Comparator
			.comparingInt((String key) -> SpecItem.AREAS.indexOf(key.substring(0, key.indexOf(':')))));
		for (String key : keys) {
			SpecItem old = was.get(key);
			SpecItem now = is.get(key);
			if (old != null && now != null && Objects.equals(old.value(), now.value())) {
				continue;
			}
			SpecItem any = (now != null) ? now : Objects.requireNonNull(old);
			switch (any.area()) {
				case SpecItem.RUNTIME -> changes.version(namedApps ? any.key() + ": " : "", type(old), type(now));
				case SpecItem.SERVICE -> changes.service(before, after, any.key(), old, now);
				default -> changes.other(any, old, now);
			}
		}
		List<String> all = new ArrayList<>(changes.versions);
		changes.others.forEach((group, phrases) -> {
			if (phrases.size() > LISTED) {
				all.add(group.substring(group.indexOf('|') + 1) + phrases.size() + " " + plural(group) + " changed");
			}
			else {
				all.addAll(phrases);
			}
		});
		return all;
	}

	private void service(Spec before, Spec after, String name, @Nullable SpecItem old, @Nullable SpecItem now) {
		String oldType = serviceType(old);
		String newType = serviceType(now);
		String engine = engine((newType != null) ? newType : oldType);
		boolean named = sharesEngine(before, name, engine) || sharesEngine(after, name, engine);
		String prefix = named ? name + ": " : "";
		version(prefix, oldType, newType);
		if (old == null || now == null || !(old.value() instanceof Map<?, ?> o)
				|| !(now.value() instanceof Map<?, ?> n)) {
			return;
		}
		for (Object key : union(keys(o), keys(n))) {
			if (key.equals("type") || Objects.equals(o.get(key), n.get(key))) {
				continue;
			}
			Object from = o.get(key);
			Object to = n.get(key);
			String phrase;
			if (from == null) {
				phrase = name + ": " + key + (scalar(to) ? " " + to : "") + " added";
			}
			else if (to == null) {
				phrase = name + ": " + key + " removed";
			}
			else {
				phrase = (scalar(from) && scalar(to)) ? name + ": " + key + " " + from + TO + to
						: name + ": " + key + " changed";
			}
			this.others.computeIfAbsent("service " + name + "|", (k) -> new ArrayList<>()).add(phrase);
		}
	}

	private void other(SpecItem item, @Nullable SpecItem old, @Nullable SpecItem now) {
		String owner = item.area().equals(SpecItem.ROUTE) ? "" : item.owner() + ": ";
		String what = noun(item.area()) + " " + tail(item);
		String phrase;
		if (old == null) {
			phrase = ADDED + owner + what;
		}
		else if (now == null) {
			phrase = REMOVED + owner + what;
		}
		else {
			phrase = owner + what + " changed";
		}
		this.others.computeIfAbsent(item.area() + "|" + owner, (k) -> new ArrayList<>()).add(phrase);
	}

	private void version(String prefix, @Nullable String oldType, @Nullable String newType) {
		if (Objects.equals(oldType, newType)) {
			return;
		}
		if (oldType == null) {
			this.versions.add(ADDED + prefix + spaced(newType));
		}
		else if (newType == null) {
			this.versions.add(REMOVED + prefix + spaced(oldType));
		}
		else if (!engine(oldType).equals(engine(newType))) {
			this.versions.add(prefix + spaced(oldType) + TO + spaced(newType));
		}
		else {
			this.versions.add(prefix + spaced(oldType) + TO + newType.substring(newType.indexOf(':') + 1));
		}
	}

	private static boolean scalar(@Nullable Object value) {
		return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
	}

	/** The item's key without its owner: "build" of "app.build", "/" of "app:/". */
	private static String tail(SpecItem item) {
		if (item.area().equals(SpecItem.ROUTE)) {
			return item.key();
		}
		String key = item.key();
		String owner = item.owner();
		return key.startsWith(owner) && key.length() > owner.length() ? key.substring(owner.length() + 1) : key;
	}

	private static String noun(String area) {
		return switch (area) {
			case SpecItem.WEB -> "web";
			case SpecItem.SETTING -> "setting";
			default -> area;
		};
	}

	private static String plural(String group) {
		String area = group.substring(0, group.indexOf('|'));
		return switch (area) {
			case SpecItem.WEB -> "web settings";
			case SpecItem.SETTING -> "settings";
			default -> area.startsWith("service ") ? "settings" : area + "s";
		};
	}

	private static @Nullable String type(@Nullable SpecItem item) {
		return (item != null && item.value() instanceof String type) ? type : null;
	}

	private static @Nullable String serviceType(@Nullable SpecItem item) {
		return (item != null && item.value() instanceof Map<?, ?> service && service.get("type") instanceof String type)
				? type : null;
	}

	private static String engine(@Nullable String type) {
		if (type == null) {
			return "";
		}
		int colon = type.indexOf(':');
		return (colon < 0) ? type : type.substring(0, colon);
	}

	private static String spaced(@Nullable String type) {
		return (type == null) ? "" : type.replaceFirst(":", " ");
	}

	private static boolean sharesEngine(Spec spec, String name, String engine) {
		return spec.services()
			.keySet()
			.stream()
			.anyMatch((other) -> !other.equals(name)
					&& spec.type("services", other).map(SpecChanges::engine).orElse("").equals(engine));
	}

	private static Map<String, SpecItem> byKey(List<SpecItem> items) {
		Map<String, SpecItem> byKey = new LinkedHashMap<>();
		items.forEach((item) -> byKey.putIfAbsent(item.area() + ":" + item.key(), item));
		return byKey;
	}

	private static Set<Object> keys(Map<?, ?> map) {
		return new LinkedHashSet<>(map.keySet());
	}

	static <T> Set<T> union(Set<T> first, Set<T> second) {
		Set<T> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return union;
	}

}
