package app.lockstep.domain.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.domain.tenancy.Permission;
import org.jspecify.annotations.Nullable;

/**
 * Brings selected differences from one environment into another as a new revision of the
 * target, through the normal save (validation, history and audit apply). Selected keys
 * are "area:key" as in {@link DriftItem}.
 */
public final class BringAcross {

	private final CompareEnvironments compare;

	private final SaveConfigRevision save;

	private final SecretSealing sealing;

	public BringAcross(Projects projects, Environments environments, ConfigRevisions revisions, SecretSealing sealing,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		this.compare = new CompareEnvironments(projects, environments, revisions, transactions);
		this.save = new SaveConfigRevision(projects, environments, revisions, sealing, auditLog, transactions, clock);
		this.sealing = sealing;
	}

	public ConfigRevision apply(Caller caller, String projectSlug, String sourceName, String targetName,
			Collection<String> selectedKeys, @Nullable String message) {
		caller.require(Permission.EDIT_CONFIG);
		if (selectedKeys.isEmpty()) {
			throw new ValidationException("selected", "Select at least one difference to bring across.");
		}
		CompareEnvironments.Comparison comparison = this.compare.compare(caller, projectSlug, targetName, sourceName);
		Set<String> keys = Set.copyOf(selectedKeys);
		List<DriftItem> selected = comparison.differences()
			.stream()
			.filter((item) -> keys.contains(item.area() + ":" + item.key()))
			.toList();
		Spec spec = Drift.bringAcross(comparison.leftConfig().spec(), comparison.rightConfig().spec(), selected);
		List<String> names = selected.stream()
			.filter((item) -> item.area().equals("variable"))
			.map(DriftItem::key)
			.toList();
		List<Variable> target = own(caller, comparison.leftConfig());
		List<Variable> source = own(caller, comparison.rightConfig());
		List<Variable> variables = Drift.bringVariablesAcross(target, source, names);
		List<VariableInput> inputs = new ArrayList<>();
		for (Variable variable : variables) {
			inputs
				.add(new VariableInput(variable.name(), variable.value(), variable.sensitive(), variable.visibility()));
		}
		Integer base = (comparison.leftConfig().revision() != null) ? comparison.leftConfig().revision().number()
				: null;
		String text = (message != null && !message.isBlank()) ? message
				: "Brought " + String.join(", ", selectedKeys) + " across from " + sourceName;
		return this.save.save(caller,
				new SaveConfigRevision.Command(
						projectSlug, targetName, base, spec.equals(comparison.leftConfig().spec())
								? comparison.leftConfig().infrastructure() : InfrastructureSpec.render(spec),
						inputs, text));
	}

	/**
	 * The environment's own variables (not the inherited project ones), with values to
	 * re-seal.
	 */
	private List<Variable> own(Caller caller, EffectiveConfig config) {
		return Optional.ofNullable(config.revision())
			.map((revision) -> revision.variables()
				.stream()
				.map((v) -> new Variable(v.name(), this.sealing.reveal(caller.orgId(), v), v.sensitive(),
						v.visibility()))
				.toList())
			.orElse(List.of());
	}

}
