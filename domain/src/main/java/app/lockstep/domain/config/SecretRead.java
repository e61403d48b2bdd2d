package app.lockstep.domain.config;

import java.time.Instant;
import java.util.List;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;

/**
 * One read of a config that revealed secret values: who, which environment, which
 * revision, which secrets (names only), when. Recorded durably before the values are
 * sent, and folded into the audit chain later by {@link FoldSecretReads}. Reads alike but
 * for their time that are recorded together are one record: {@code reads} of them, the
 * first at {@code readAt}, the last at {@code lastReadAt}.
 */
public record SecretRead(long id, OrgId org, Actor actor, EnvironmentId environment, String project,
		String environmentName, int revision, int projectRevision, List<String> sensitiveVariables, Instant readAt,
		int reads, Instant lastReadAt) {

	public SecretRead {
		sensitiveVariables = List.copyOf(sensitiveVariables);
		if (reads < 1 || lastReadAt.isBefore(readAt)) {
			throw new IllegalArgumentException("A record stands for one read or more, the last not before the first");
		}
	}

	/** One read at {@code readAt}. */
	public SecretRead(long id, OrgId org, Actor actor, EnvironmentId environment, String project,
			String environmentName, int revision, int projectRevision, List<String> sensitiveVariables,
			Instant readAt) {
		this(id, org, actor, environment, project, environmentName, revision, projectRevision, sensitiveVariables,
				readAt, 1, readAt);
	}

	/**
	 * What one record of several reads shares: everything but the id, the times and the
	 * count (equal for reads one record can stand for).
	 */
	public SecretRead timeless() {
		return new SecretRead(0, this.org, this.actor, this.environment, this.project, this.environmentName,
				this.revision, this.projectRevision, this.sensitiveVariables, Instant.EPOCH, 1, Instant.EPOCH);
	}

	/** This record and one more read like it. */
	public SecretRead and(SecretRead other) {
		Instant first = other.readAt.isBefore(this.readAt) ? other.readAt : this.readAt;
		Instant last = other.lastReadAt.isAfter(this.lastReadAt) ? other.lastReadAt : this.lastReadAt;
		return new SecretRead(this.id, this.org, this.actor, this.environment, this.project, this.environmentName,
				this.revision, this.projectRevision, this.sensitiveVariables, first, this.reads + other.reads, last);
	}

}
