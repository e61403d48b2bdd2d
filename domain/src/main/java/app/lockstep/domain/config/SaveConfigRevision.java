package app.lockstep.domain.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.lockstep.domain.config.spec.SpecParse;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Saves an edited config as revision N+1. The edit carries the revision it started from;
 * if someone saved in between, it is refused with their changes and nothing is written.
 * Invalid input is refused with errors beside the spec line or variable field, and
 * nothing is written either.
 */
@UseCase
public final class SaveConfigRevision {

	private final Projects projects;

	private final Environments environments;

	private final SecretSealing sealing;

	private final RevisionWriter writer;

	private final Transactions transactions;

	public SaveConfigRevision(Projects projects, Environments environments, ConfigRevisions revisions,
			SecretSealing sealing, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.sealing = sealing;
		this.writer = new RevisionWriter(revisions, auditLog, clock);
		this.transactions = transactions;
	}

	public record Command(String projectSlug, @Nullable String environmentName, @Nullable Integer baseRevision,
			String infrastructure, List<VariableInput> variables, @Nullable String message) {
	}

	public ConfigRevision save(Caller caller, Command command) {
		caller.require(Permission.EDIT_CONFIG);
		String infrastructure = normalize(command.infrastructure());
		SpecParse parse = InfrastructureSpec.parse(infrastructure);
		List<FieldError> variableErrors = new ArrayList<>();
		if (command.message() != null && command.message().length() > 500) {
			variableErrors.add(new FieldError("message", "Keep the message to 500 characters or fewer."));
		}
		return this.transactions.inTenant(caller.orgId(), () -> {
			ConfigTarget target = ConfigTarget.resolve(this.projects, this.environments, caller.orgId(),
					command.projectSlug(), command.environmentName());
			if (target.environment() == null && !infrastructure.isEmpty()) {
				variableErrors.add(new FieldError("infrastructure",
						"A project's shared config holds variables only; the infrastructure spec belongs to each environment."));
			}
			Optional<ConfigRevision> latest = this.writer.latest(caller, target);
			List<Variable> typed = resolveVariables(command.variables(), latest, caller, variableErrors);
			variableErrors.addAll(Variables.validate(typed));
			if (!parse.valid() || !variableErrors.isEmpty()) {
				throw new InvalidConfigException(parse.errors(), variableErrors);
			}
			this.writer.requireBase(caller, target, command.baseRevision(), latest);
			List<StoredVariable> stored = storeAll(caller, typed, command.variables(), latest);
			return this.writer.write(caller, target, latest, infrastructure, stored, command.message(), null,
					"config.revision_created");
		});
	}

	/**
	 * Fills in the kept value of sensitive variables submitted empty; a new sensitive one
	 * needs a value.
	 */
	private List<Variable> resolveVariables(List<VariableInput> inputs, Optional<ConfigRevision> latest, Caller caller,
			List<FieldError> errors) {
		Map<String, StoredVariable> previous = previousByName(latest);
		List<Variable> variables = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			VariableInput input = inputs.get(i);
			String value = (input.value() != null) ? input.value() : "";
			StoredVariable kept = previous.get(input.name());
			if (input.sensitive() && value.isEmpty()) {
				if (kept == null || !kept.sensitive()) {
					errors.add(new FieldError("variables[" + i + "].value",
							"Enter the value of this sensitive variable; it is stored encrypted and never shown again."));
				}
				else {
					value = this.sealing.reveal(caller.orgId(), kept);
				}
			}
			variables.add(new Variable(input.name().strip(), value, input.sensitive(), input.visibility()));
		}
		return variables;
	}

	private List<StoredVariable> storeAll(Caller caller, List<Variable> typed, List<VariableInput> inputs,
			Optional<ConfigRevision> latest) {
		Map<String, StoredVariable> previous = previousByName(latest);
		List<StoredVariable> stored = new ArrayList<>();
		for (int i = 0; i < typed.size(); i++) {
			Variable variable = typed.get(i);
			StoredVariable kept = previous.get(variable.name());
			String value = inputs.get(i).value();
			boolean keepSealed = variable.sensitive() && kept != null && kept.sensitive()
					&& (value == null || value.isEmpty());
			stored.add((keepSealed && kept != null) ? new StoredVariable(kept.name(), null, kept.sealed(),
					kept.fingerprint(), true, variable.visibility()) : this.sealing.store(caller.orgId(), variable));
		}
		return stored;
	}

	static Map<String, StoredVariable> previousByName(Optional<ConfigRevision> latest) {
		return latest
			.map((revision) -> revision.variables()
				.stream()
				.collect(Collectors.toMap(StoredVariable::name, Function.identity(), (a, b) -> a)))
			.orElse(Map.of());
	}

	/**
	 * Line endings are normalised so that a browser's CRLF does not count as a change.
	 */
	static String normalize(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String unix = text.replace("\r\n", "\n").replace('\r', '\n');
		return unix.isBlank() ? "" : (unix.endsWith("\n") ? unix : unix + "\n");
	}

}
