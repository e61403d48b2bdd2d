package app.lockstep.domain.config;

import java.time.Instant;
import java.util.List;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;

/**
 * One read of a config that revealed secret values: who, which environment, which
 * revision, which secrets (names only), when. Recorded durably before the values are
 * sent, and folded into the audit chain later by {@link FoldSecretReads}.
 */
public record SecretRead(long id, OrgId org, Actor actor, EnvironmentId environment, String project,
		String environmentName, int revision, int projectRevision, List<String> sensitiveVariables, Instant readAt) {

	public SecretRead {
		sensitiveVariables = List.copyOf(sensitiveVariables);
	}

}
