package app.lockstep.domain.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.spec.Spec;
import app.lockstep.domain.config.spec.SpecEditor;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Brings selected differences from one environment into another as a new revision of the
 * target, through the normal save (validation, history and audit apply). Selected keys
 * are "area:key" as in {@link DriftItem}. The target's spec is edited, not rewritten:
 * only the selected entries change, so the diff an approver sees shows the real change
 * alone.
 */
@UseCase
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
		String infrastructure = infrastructure(comparison, selected);
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
				new SaveConfigRevision.Command(projectSlug, targetName, base, infrastructure, inputs, text));
	}

	/**
	 * The target's spec text with the selected spec items taken from the source as text
	 * edits: everything else in the file stays as written. An application's runtime
	 * brought across from a source that has no such application removes the application.
	 */
	private static String infrastructure(CompareEnvironments.Comparison comparison, List<DriftItem> selected) {
		String target = comparison.leftConfig().infrastructure();
		String source = comparison.rightConfig().infrastructure();
		Spec sourceSpec = comparison.rightConfig().spec();
		List<List<String>> paths = new ArrayList<>();
		for (DriftItem item : selected) {
			if (item.area().equals(DriftItem.VARIABLE)) {
				continue;
			}
			List<String> path = item.path();
			if (item.area().equals(DriftItem.RUNTIME) && !sourceSpec.has(path.subList(0, 2))) {
				path = path.subList(0, 2);
			}
			paths.add(path);
		}
		try {
			return SpecEditor.bringAcross(target, source, paths);
		}
		catch (SpecEditor.EditRefused ex) {
			throw new ValidationException("infrastructure", ex.getMessage() + ".");
		}
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
