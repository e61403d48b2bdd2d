package app.lockstep.domain.project;

import java.util.ArrayList;
import java.util.List;

/** The promotion order: moving one environment renumbers the others 1..n without gaps. */
public final class EnvironmentOrder {

	private EnvironmentOrder() {
	}

	static Environment at(Environment environment, int position) {
		return new Environment(environment.id(), environment.projectId(), environment.name(), environment.tier(),
				position, environment.branchPattern(), environment.timeZone());
	}

	/**
	 * The environments after {@code moved} is put at {@code position} (clamped to 1..n),
	 * numbered 1..n.
	 */
	public static List<Environment> move(List<Environment> ordered, Environment moved, int position) {
		List<Environment> result = new ArrayList<>(ordered.stream().filter((e) -> !e.id().equals(moved.id())).toList());
		int index = Math.max(0, Math.min(position - 1, result.size()));
		result.add(index, moved);
		List<Environment> numbered = new ArrayList<>();
		for (int i = 0; i < result.size(); i++) {
			numbered.add(at(result.get(i), i + 1));
		}
		return numbered;
	}

}
