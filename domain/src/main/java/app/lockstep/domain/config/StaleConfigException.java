package app.lockstep.domain.config;

import java.util.List;

import app.lockstep.domain.shared.ConflictException;

/**
 * Someone saved a newer revision since the one this edit started from. Carries what they
 * changed, so the person can re-apply their own edit on top; nothing was saved.
 */
public class StaleConfigException extends ConflictException {

	private final ConfigRevision latest;

	private final List<DiffLine> specChanges;

	private final List<VariableChange> variableChanges;

	public StaleConfigException(ConfigRevision latest, List<DiffLine> specChanges,
			List<VariableChange> variableChanges) {
		super("Revision " + latest.number() + " was saved by " + latest.author().name()
				+ " since you started editing. Review their changes, then save again on top of them.");
		this.latest = latest;
		this.specChanges = List.copyOf(specChanges);
		this.variableChanges = List.copyOf(variableChanges);
	}

	public ConfigRevision latest() {
		return this.latest;
	}

	public List<DiffLine> specChanges() {
		return this.specChanges;
	}

	public List<VariableChange> variableChanges() {
		return this.variableChanges;
	}

}
