package app.lockstep.domain.config;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.Actor;
import org.jspecify.annotations.Nullable;

/** An immutable, numbered snapshot of a config: never edited, never deleted. */
public record ConfigRevision(UUID id, ConfigScope scope, int number, String infrastructure,
		List<StoredVariable> variables, @Nullable String message, Actor author, Instant at,
		@Nullable Integer restoredFrom, String summary) {

	public ConfigRevision {
		variables = List.copyOf(variables);
	}

	public List<VariableState> variableStates() {
		return this.variables.stream().map(StoredVariable::state).toList();
	}

}
