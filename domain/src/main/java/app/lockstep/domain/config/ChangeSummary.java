package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.config.spec.Spec;
import org.jspecify.annotations.Nullable;

/**
 * A one-line account of what a config revision changed: how many variables were added,
 * changed and removed, and what changed in the spec (versions first, such as "php 8.2 →
 * 8.3", "+ redis 7.2" or "− mariadb 10.11", then other changes such as "db: disk 2048 →
 * 4096", "app: hook build changed" or "+ route https://{default}/").
 */
public record ChangeSummary(int added, int changed, int removed, List<String> versionChanges) {

	public ChangeSummary {
		versionChanges = List.copyOf(versionChanges);
	}

	/** A spec that is null (no earlier revision) counts as empty. */
	public static ChangeSummary of(@Nullable Spec before, @Nullable Spec after, List<VariableChange> changes) {
		int added = count(changes, ChangeKind.ADDED);
		int changed = count(changes, ChangeKind.CHANGED);
		int removed = count(changes, ChangeKind.REMOVED);
		return new ChangeSummary(added, changed, removed,
				SpecChanges.between((before != null) ? before : Spec.EMPTY, (after != null) ? after : Spec.EMPTY));
	}

	/** Such as "+2 ~1 -0 variables, php 8.2 → 8.3", or "no changes". */
	public String text() {
		List<String> parts = new ArrayList<>();
		if (this.added + this.changed + this.removed > 0) {
			parts.add("+" + this.added + " ~" + this.changed + " -" + this.removed + " variables");
		}
		parts.addAll(this.versionChanges);
		return parts.isEmpty() ? "no changes" : String.join(", ", parts);
	}

	public boolean isEmpty() {
		return this.added + this.changed + this.removed == 0 && this.versionChanges.isEmpty();
	}

	private static int count(List<VariableChange> changes, ChangeKind kind) {
		return (int) changes.stream().filter((change) -> change.kind() == kind).count();
	}

}
