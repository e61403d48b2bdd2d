package app.lockstep.domain.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Takes selected drift items from one spec into another. Entries that exist in the target
 * keep their place; new ones are appended.
 */
final class SpecMerge {

	private static final List<String> ORDER = List.of(DriftItem.RUNTIME, DriftItem.SERVICE, DriftItem.RELATIONSHIP,
			DriftItem.MOUNT, DriftItem.VARIABLE);

	private final Map<String, Application> applications;

	private final Map<String, Service> services;

	private final Spec source;

	private SpecMerge(Spec target, Spec source) {
		this.applications = new LinkedHashMap<>(target.applications());
		this.services = new LinkedHashMap<>(target.services());
		this.source = source;
	}

	static Spec bringAcross(Spec target, Spec source, Collection<DriftItem> selected) {
		SpecMerge merge = new SpecMerge(target, source);
		selected.stream().sorted(Comparator.comparingInt(SpecMerge::order)).forEach(merge::take);
		return new Spec(merge.applications, merge.services);
	}

	private static int order(DriftItem item) {
		return ORDER.indexOf(item.area());
	}

	private void take(DriftItem item) {
		switch (item.area()) {
			case DriftItem.RUNTIME -> runtime(item.key());
			case DriftItem.SERVICE -> service(item.key());
			case DriftItem.RELATIONSHIP -> relationship(item.key());
			case DriftItem.MOUNT -> mount(item.key());
			case DriftItem.VARIABLE -> {
				// variables are brought across separately, with their values
			}
			default -> throw new IllegalArgumentException("Unknown drift area \"" + item.area() + "\"");
		}
	}

	private void runtime(String name) {
		Application from = this.source.applications().get(name);
		Application existing = this.applications.get(name);
		if (from == null) {
			this.applications.remove(name);
		}
		else if (existing == null) {
			this.applications.put(name, new Application(name, from.runtime(), from.version(), Map.of(), Map.of()));
		}
		else {
			this.applications.put(name,
					new Application(name, from.runtime(), from.version(), existing.relationships(), existing.mounts()));
		}
	}

	private void service(String name) {
		Service from = this.source.services().get(name);
		if (from == null) {
			this.services.remove(name);
		}
		else {
			this.services.put(name, from);
		}
	}

	private void relationship(String key) {
		String[] appAndName = split(key, '.');
		String app = appAndName[0];
		String name = appAndName[1];
		Application from = this.source.applications().get(app);
		String value = (from != null) ? from.relationships().get(name) : null;
		Application into = applicationFor(app, value != null);
		if (into != null) {
			Map<String, String> relationships = new LinkedHashMap<>(into.relationships());
			put(relationships, name, value);
			this.applications.put(app,
					new Application(app, into.runtime(), into.version(), relationships, into.mounts()));
		}
	}

	private void mount(String key) {
		String[] appAndPath = split(key, ':');
		String app = appAndPath[0];
		String path = appAndPath[1];
		Application from = this.source.applications().get(app);
		Mount value = (from != null) ? from.mounts().get(path) : null;
		Application into = applicationFor(app, value != null);
		if (into != null) {
			Map<String, Mount> mounts = new LinkedHashMap<>(into.mounts());
			put(mounts, path, value);
			this.applications.put(app,
					new Application(app, into.runtime(), into.version(), into.relationships(), mounts));
		}
	}

	/**
	 * The target's application; when it has none and something is to be added to it, the
	 * source's application with its runtime only.
	 */
	private @Nullable Application applicationFor(String name, boolean adding) {
		Application existing = this.applications.get(name);
		if (existing != null || !adding) {
			return existing;
		}
		Application from = Objects.requireNonNull(this.source.applications().get(name));
		return new Application(name, from.runtime(), from.version(), Map.of(), Map.of());
	}

	/** Application names have neither dots nor colons, so the first one separates. */
	private static String[] split(String key, char separator) {
		int at = key.indexOf(separator);
		if (at < 0) {
			throw new IllegalArgumentException(
					"\"" + key + "\" is not an application name, \"" + separator + "\" and a name");
		}
		return new String[] { key.substring(0, at), key.substring(at + 1) };
	}

	private static <V> void put(Map<String, V> map, String key, @Nullable V value) {
		if (value == null) {
			map.remove(key);
		}
		else {
			map.put(key, value);
		}
	}

}
