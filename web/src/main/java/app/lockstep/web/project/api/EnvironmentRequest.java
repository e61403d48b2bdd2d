package app.lockstep.web.project.api;

import app.lockstep.domain.project.EnvironmentInput;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST and PATCH on environments. On PATCH an absent (or null) field stays as
 * it is; an empty branchPattern clears it. On POST a missing position adds the
 * environment at the end and a missing timeZone takes the organization's.
 */
record EnvironmentRequest(@Nullable String name, @Nullable String tier, @Nullable Integer position,
		@Nullable String branchPattern, @Nullable String timeZone) {

	EnvironmentInput toInput() {
		return new EnvironmentInput(this.name, this.tier, this.position, this.branchPattern, this.timeZone);
	}

}
