package app.lockstep.domain.config;

import java.util.List;

import app.lockstep.domain.config.spec.SpecItem;
import org.jspecify.annotations.Nullable;

/**
 * One thing compared between two environments (left and right): SAME or CHANGED when both
 * have it, REMOVED when only the left has it, ADDED when only the right has it. The area
 * is one of the spec's ({@link SpecItem#AREAS}) or {@link #VARIABLE}; the key names it
 * within its area (an application or service name, "app.relationship", "app:path", a
 * route URL, a variable name), and the path leads to it in the spec (empty for a
 * variable). A sensitive variable shows as "set", never its value.
 */
public record DriftItem(String area, String key, List<String> path, ChangeKind kind, @Nullable String left,
		@Nullable String right) {

	public static final String RUNTIME = SpecItem.RUNTIME;

	public static final String SERVICE = SpecItem.SERVICE;

	public static final String RELATIONSHIP = SpecItem.RELATIONSHIP;

	public static final String MOUNT = SpecItem.MOUNT;

	public static final String VARIABLE = "variable";

	public DriftItem {
		path = List.copyOf(path);
	}

	public boolean differs() {
		return this.kind != ChangeKind.SAME;
	}

	/** How a form names it: "area:key". */
	public String selector() {
		return this.area + ":" + this.key;
	}

}
