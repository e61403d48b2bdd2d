package app.lockstep.domain.project;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A place the project runs: its tier, its place in the promotion order, the branch that
 * feeds it, its time zone.
 */
public record Environment(EnvironmentId id, ProjectId projectId, String name, Tier tier, int position,
		@Nullable String branchPattern, ZoneId timeZone) {
}
