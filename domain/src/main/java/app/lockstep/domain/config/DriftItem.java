package app.lockstep.domain.config;

import org.jspecify.annotations.Nullable;

/**
 * One thing compared between two environments (left and right): SAME or CHANGED when both
 * have it, REMOVED when only the left has it, ADDED when only the right has it. The area
 * is one of {@link #RUNTIME}, {@link #SERVICE}, {@link #RELATIONSHIP}, {@link #MOUNT} and
 * {@link #VARIABLE}; the key is an application name, a service name, "app.relationship",
 * "app:path" or a variable name. A sensitive variable shows as "set", never its value.
 */
public record DriftItem(String area, String key, ChangeKind kind, @Nullable String left, @Nullable String right) {

	public static final String RUNTIME = "runtime";

	public static final String SERVICE = "service";

	public static final String RELATIONSHIP = "relationship";

	public static final String MOUNT = "mount";

	public static final String VARIABLE = "variable";

	public boolean differs() {
		return this.kind != ChangeKind.SAME;
	}

}
