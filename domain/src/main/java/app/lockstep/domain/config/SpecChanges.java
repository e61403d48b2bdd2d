package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What changed between two specs, in words: runtime and engine versions first, then
 * disks, relationships and mounts. Names are shown only where the runtime or engine alone
 * would be ambiguous.
 */
final class SpecChanges {

	private static final String ADDED = "+ ";

	private static final String REMOVED = "\u2212 ";

	private static final String TO = " \u2192 ";

	private final List<String> versions = new ArrayList<>();

	private final List<String> others = new ArrayList<>();

	private SpecChanges() {
	}

	static List<String> between(Spec before, Spec after) {
		SpecChanges changes = new SpecChanges();
		changes.applications(before.applications(), after.applications());
		changes.services(before.services(), after.services());
		List<String> all = new ArrayList<>(changes.versions);
		all.addAll(changes.others);
		return all;
	}

	private void applications(Map<String, Application> before, Map<String, Application> after) {
		boolean named = before.size() > 1 || after.size() > 1;
		for (String name : union(before.keySet(), after.keySet())) {
			String prefix = named ? name + ": " : "";
			Application was = before.get(name);
			Application is = after.get(name);
			version(prefix, (was != null) ? was.runtime() : null, (was != null) ? was.version() : null,
					(is != null) ? is.runtime() : null, (is != null) ? is.version() : null);
			if (was != null && is != null) {
				if (!was.relationships().equals(is.relationships())) {
					this.others.add(prefix + "relationships changed");
				}
				if (!was.mounts().equals(is.mounts())) {
					this.others.add(prefix + "mounts changed");
				}
			}
		}
	}

	private void services(Map<String, Service> before, Map<String, Service> after) {
		for (String name : union(before.keySet(), after.keySet())) {
			Service was = before.get(name);
			Service is = after.get(name);
			String engine = (is != null) ? is.engine() : Objects.requireNonNull(was).engine();
			boolean named = sharesEngine(before, name, engine) || sharesEngine(after, name, engine);
			version(named ? name + ": " : "", (was != null) ? was.engine() : null, (was != null) ? was.version() : null,
					(is != null) ? is.engine() : null, (is != null) ? is.version() : null);
			if (was != null && is != null && !Objects.equals(was.disk(), is.disk())) {
				this.others.add(name + ": disk " + disk(was) + TO + disk(is));
			}
		}
	}

	private void version(String prefix, @Nullable String oldName, @Nullable String oldVersion, @Nullable String newName,
			@Nullable String newVersion) {
		if (oldName == null) {
			this.versions.add(ADDED + prefix + newName + " " + newVersion);
		}
		else if (newName == null) {
			this.versions.add(REMOVED + prefix + oldName + " " + oldVersion);
		}
		else if (!oldName.equals(newName)) {
			this.versions.add(prefix + oldName + " " + oldVersion + TO + newName + " " + newVersion);
		}
		else if (!Objects.equals(oldVersion, newVersion)) {
			this.versions.add(prefix + oldName + " " + oldVersion + TO + newVersion);
		}
	}

	private static boolean sharesEngine(Map<String, Service> services, String name, String engine) {
		return services.values()
			.stream()
			.anyMatch((other) -> !other.name().equals(name) && other.engine().equals(engine));
	}

	private static String disk(Service service) {
		return (service.disk() != null) ? service.disk() : "default";
	}

	static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return union;
	}

}
