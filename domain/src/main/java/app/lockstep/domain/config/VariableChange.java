package app.lockstep.domain.config;

import org.jspecify.annotations.Nullable;

/**
 * How a variable changed between two versions of a config. Before and after are what a
 * person may see: the values of non-sensitive variables, and what else changed
 * (visibility, sensitivity); never the value of a variable that is sensitive on either
 * side, whose value change shows only as CHANGED.
 */
public record VariableChange(String name, ChangeKind kind, @Nullable String before, @Nullable String after,
		boolean sensitive) {

}
