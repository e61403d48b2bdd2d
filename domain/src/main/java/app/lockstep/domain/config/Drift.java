package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * How two environments' configs differ, item by item, and how to bring selected
 * differences across from one to the other.
 */
public final class Drift {

	private Drift() {
	}

	/**
	 * Every runtime, service, relationship, mount and variable of either side, by area
	 * (in that order), applications and services in the order written, variables by name.
	 */
	public static List<DriftItem> between(Spec left, List<VariableState> leftVars, Spec right,
			List<VariableState> rightVars) {
		List<DriftItem> items = new ArrayList<>();
		compare(items, DriftItem.RUNTIME, left.applications(), right.applications(), Drift::runtime);
		compare(items, DriftItem.SERVICE, left.services(), right.services(), Drift::service);
		for (String app : SpecChanges.union(left.applications().keySet(), right.applications().keySet())) {
			Application l = left.applications().get(app);
			Application r = right.applications().get(app);
			compare(items, DriftItem.RELATIONSHIP, prefixed(app + ".", (l != null) ? l.relationships() : Map.of()),
					prefixed(app + ".", (r != null) ? r.relationships() : Map.of()), Function.identity());
			compare(items, DriftItem.MOUNT, prefixed(app + ":", (l != null) ? l.mounts() : Map.of()),
					prefixed(app + ":", (r != null) ? r.mounts() : Map.of()), Drift::mount);
		}
		variables(items, leftVars, rightVars);
		return items;
	}

	/**
	 * A short account of the differences, such as "php 8.3 vs 8.2, 2 variables differ";
	 * empty when there are none.
	 */
	public static String headline(List<DriftItem> items) {
		return DriftHeadline.of(items);
	}

	/**
	 * The target spec with the selected runtime, service, relationship and mount items
	 * taken from the source: copied where the source has them, removed where it does not.
	 * Variable items are left to {@link #bringVariablesAcross}. The result is not
	 * validated (a relationship may now name a missing service): render and parse it.
	 */
	public static Spec bringAcross(Spec target, Spec source, Collection<DriftItem> selected) {
		return SpecMerge.bringAcross(target, source, selected);
	}

	/**
	 * The target variables with the named ones taken from the source: replaced in place,
	 * removed when the source does not have them, and appended when only the source has
	 * them.
	 */
	public static List<Variable> bringVariablesAcross(List<Variable> target, List<Variable> source,
			Collection<String> selectedNames) {
		Map<String, Variable> fromSource = new TreeMap<>();
		source.forEach((variable) -> fromSource.putIfAbsent(variable.name(), variable));
		List<Variable> result = new ArrayList<>();
		TreeSet<String> placed = new TreeSet<>();
		for (Variable variable : target) {
			if (!selectedNames.contains(variable.name())) {
				result.add(variable);
			}
			else if (fromSource.containsKey(variable.name()) && placed.add(variable.name())) {
				result.add(fromSource.get(variable.name()));
			}
		}
		for (Variable variable : source) {
			if (selectedNames.contains(variable.name()) && placed.add(variable.name())
					&& target.stream().noneMatch((kept) -> kept.name().equals(variable.name()))) {
				result.add(variable);
			}
		}
		return result;
	}

	private static <V> void compare(List<DriftItem> items, String area, Map<String, V> left, Map<String, V> right,
			Function<V, String> shown) {
		for (String key : SpecChanges.union(left.keySet(), right.keySet())) {
			V l = left.get(key);
			V r = right.get(key);
			String leftShown = (l != null) ? shown.apply(l) : null;
			String rightShown = (r != null) ? shown.apply(r) : null;
			items.add(
					new DriftItem(area, key, kind(l, r, Objects.equals(leftShown, rightShown)), leftShown, rightShown));
		}
	}

	private static void variables(List<DriftItem> items, List<VariableState> left, List<VariableState> right) {
		Map<String, VariableState> l = new TreeMap<>();
		left.forEach((state) -> l.put(state.name(), state));
		Map<String, VariableState> r = new TreeMap<>();
		right.forEach((state) -> r.put(state.name(), state));
		TreeSet<String> names = new TreeSet<>(l.keySet());
		names.addAll(r.keySet());
		for (String name : names) {
			VariableState a = l.get(name);
			VariableState b = r.get(name);
			boolean same = a != null && b != null && a.fingerprint().equals(b.fingerprint())
					&& a.visibility() == b.visibility() && a.sensitive() == b.sensitive();
			items.add(new DriftItem(DriftItem.VARIABLE, name, kind(a, b, same), shown(a, b), shown(b, a)));
		}
	}

	/**
	 * A variable's value, or "set" when it is sensitive on either side; with its
	 * visibility and sensitivity when those differ.
	 */
	private static @Nullable String shown(@Nullable VariableState state, @Nullable VariableState other) {
		if (state == null) {
			return null;
		}
		boolean hidden = state.sensitive() || (other != null && other.sensitive());
		String value = hidden ? "set" : Objects.requireNonNullElse(state.displayValue(), "");
		if (other == null || (state.visibility() == other.visibility() && state.sensitive() == other.sensitive())) {
			return value;
		}
		return value + " (" + state.visibility().label() + (state.sensitive() ? ", sensitive" : "") + ")";
	}

	private static ChangeKind kind(@Nullable Object left, @Nullable Object right, boolean same) {
		if (left == null) {
			return ChangeKind.ADDED;
		}
		if (right == null) {
			return ChangeKind.REMOVED;
		}
		return same ? ChangeKind.SAME : ChangeKind.CHANGED;
	}

	static String runtime(Application application) {
		return application.runtime() + " " + application.version();
	}

	static String service(Service service) {
		return service.engine() + " " + service.version()
				+ ((service.disk() != null) ? ", disk " + service.disk() : "");
	}

	private static String mount(Mount mount) {
		return mount.source() + ((mount.sourcePath() != null) ? " (source_path: " + mount.sourcePath() + ")" : "");
	}

	private static <V> Map<String, V> prefixed(String prefix, Map<String, V> map) {
		Map<String, V> prefixed = new LinkedHashMap<>();
		map.forEach((key, value) -> prefixed.put(prefix + key, value));
		return prefixed;
	}

}
