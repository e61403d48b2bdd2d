package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import app.lockstep.domain.config.spec.Spec;
import app.lockstep.domain.config.spec.SpecItem;
import app.lockstep.domain.config.spec.SpecItems;
import org.jspecify.annotations.Nullable;

/**
 * How two environments' configs differ, item by item, and how to bring selected variables
 * across from one to the other (spec items are brought across as text edits, see
 * {@link app.lockstep.domain.config.spec.SpecEditor}).
 */
public final class Drift {

	private Drift() {
	}

	/**
	 * Every item of either spec (by area, in the order written, see {@link SpecItems}),
	 * then every variable by name.
	 */
	public static List<DriftItem> between(Spec left, List<VariableState> leftVars, Spec right,
			List<VariableState> rightVars) {
		List<DriftItem> items = new ArrayList<>();
		Map<String, SpecItem> leftItems = byKey(SpecItems.of(left));
		Map<String, SpecItem> rightItems = byKey(SpecItems.of(right));
		List<String> keys = new ArrayList<>(leftItems.keySet());
		rightItems.keySet().stream().filter((key) -> !leftItems.containsKey(key)).forEach(keys::add);
		keys.sort(Comparator.comparingInt((String key) -> SpecItem.AREAS.indexOf(key.substring(0, key.indexOf(':')))));
		for (String key : keys) {
			SpecItem l = leftItems.get(key);
			SpecItem r = rightItems.get(key);
			// every key comes from one side or the other
			SpecItem any = (l != null) ? l : Objects.requireNonNull(r);
			boolean same = l != null && r != null && Objects.equals(l.value(), r.value());
			items.add(new DriftItem(any.area(), any.key(), any.path(), kind(l, r, same), (l != null) ? l.shown() : null,
					(r != null) ? r.shown() : null));
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

	private static Map<String, SpecItem> byKey(List<SpecItem> items) {
		Map<String, SpecItem> byKey = new LinkedHashMap<>();
		items.forEach((item) -> byKey.putIfAbsent(item.area() + ":" + item.key(), item));
		return byKey;
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
			items.add(new DriftItem(DriftItem.VARIABLE, name, List.of(), kind(a, b, same), shown(a, b), shown(b, a)));
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

}
