package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/** The variables added, removed and changed between two versions of a config. */
public final class VariableDiff {

	private VariableDiff() {
	}

	/** What differs, sorted by name. */
	public static List<VariableChange> between(List<VariableState> before, List<VariableState> after) {
		return compare(before, after).stream().filter((change) -> change.kind() != ChangeKind.SAME).toList();
	}

	/**
	 * Every variable of either side, sorted by name, those that did not change as SAME.
	 */
	public static List<VariableChange> withUnchanged(List<VariableState> before, List<VariableState> after) {
		return compare(before, after);
	}

	private static List<VariableChange> compare(List<VariableState> before, List<VariableState> after) {
		Map<String, VariableState> old = byName(before);
		Map<String, VariableState> now = byName(after);
		TreeSet<String> names = new TreeSet<>(old.keySet());
		names.addAll(now.keySet());
		List<VariableChange> changes = new ArrayList<>();
		for (String name : names) {
			VariableState was = old.get(name);
			VariableState is = now.get(name);
			if (was != null && is != null) {
				changes.add(change(was, is));
			}
			else if (is != null) {
				changes.add(new VariableChange(name, ChangeKind.ADDED, null, is.displayValue(), is.sensitive()));
			}
			else if (was != null) {
				changes.add(new VariableChange(name, ChangeKind.REMOVED, was.displayValue(), null, was.sensitive()));
			}
		}
		return changes;
	}

	private static VariableChange change(VariableState was, VariableState is) {
		boolean sensitive = was.sensitive() || is.sensitive();
		boolean value = !was.fingerprint().equals(is.fingerprint());
		boolean visibility = was.visibility() != is.visibility();
		boolean sensitivity = was.sensitive() != is.sensitive();
		if (!value && !visibility && !sensitivity) {
			return new VariableChange(is.name(), ChangeKind.SAME, was.displayValue(), is.displayValue(), sensitive);
		}
		boolean showValue = value && !sensitive;
		return new VariableChange(is.name(), ChangeKind.CHANGED, describe(was, showValue, visibility, sensitivity),
				describe(is, showValue, visibility, sensitivity), sensitive);
	}

	/** Such as "old value", "runtime", "new value (both, not sensitive)" or null. */
	private static @Nullable String describe(VariableState state, boolean value, boolean visibility,
			boolean sensitivity) {
		List<String> attributes = new ArrayList<>();
		if (visibility) {
			attributes.add(state.visibility().label());
		}
		if (sensitivity) {
			attributes.add(state.sensitive() ? "sensitive" : "not sensitive");
		}
		String described = String.join(", ", attributes);
		if (value) {
			String shown = Objects.requireNonNullElse(state.displayValue(), "");
			return described.isEmpty() ? shown : shown + " (" + described + ")";
		}
		return described.isEmpty() ? null : described;
	}

	private static Map<String, VariableState> byName(List<VariableState> states) {
		Map<String, VariableState> byName = new TreeMap<>();
		states.forEach((state) -> byName.put(state.name(), state));
		return byName;
	}

}
