package app.lockstep.web.project.api;

import app.lockstep.domain.project.Environment;
import org.jspecify.annotations.Nullable;

/** An environment as the API returns it. */
record EnvironmentJson(String name, String tier, int position, @Nullable String branchPattern, String timeZone) {

	static EnvironmentJson of(Environment environment) {
		return new EnvironmentJson(environment.name(), environment.tier().name(), environment.position(),
				environment.branchPattern(), environment.timeZone().getId());
	}

}
