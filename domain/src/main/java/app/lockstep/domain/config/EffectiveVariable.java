package app.lockstep.domain.config;

import org.jspecify.annotations.Nullable;

/**
 * A variable as an environment sees it: defined by the environment, or inherited from the
 * project (and possibly overridden). {@code value} is null for sensitive variables: pages
 * show them as "set".
 */
public record EffectiveVariable(String name, @Nullable String value, boolean sensitive, Visibility visibility,
		Source source, boolean overridesProject, StoredVariable stored) {

	public enum Source {

		ENVIRONMENT, PROJECT

	}

}
