package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.config.spec.Spec;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import org.jspecify.annotations.Nullable;

/**
 * What an environment runs with: its own revision's spec and variables, plus the
 * project's shared variables it does not override.
 */
public record EffectiveConfig(@Nullable ConfigRevision revision, @Nullable ConfigRevision projectRevision,
		List<EffectiveVariable> variables) {

	public static EffectiveConfig of(Optional<ConfigRevision> environment, Optional<ConfigRevision> project) {
		Map<String, EffectiveVariable> merged = new LinkedHashMap<>();
		project.ifPresent((revision) -> revision.variables()
			.forEach((v) -> merged.put(v.name(), effective(v, EffectiveVariable.Source.PROJECT, false))));
		environment.ifPresent((revision) -> revision.variables()
			.forEach((v) -> merged.put(v.name(),
					effective(v, EffectiveVariable.Source.ENVIRONMENT, merged.containsKey(v.name())))));
		return new EffectiveConfig(environment.orElse(null), project.orElse(null), new ArrayList<>(merged.values()));
	}

	private static EffectiveVariable effective(StoredVariable variable, EffectiveVariable.Source source,
			boolean overrides) {
		return new EffectiveVariable(variable.name(), variable.sensitive() ? null : variable.value(),
				variable.sensitive(), variable.visibility(), source, overrides, variable);
	}

	public String infrastructure() {
		return (this.revision != null) ? this.revision.infrastructure() : "";
	}

	public int revisionNumber() {
		return (this.revision != null) ? this.revision.number() : 0;
	}

	public List<VariableState> variableStates() {
		return this.variables.stream().map((v) -> v.stored().state()).toList();
	}

	public Spec spec() {
		return InfrastructureSpec.read(infrastructure());
	}

}
