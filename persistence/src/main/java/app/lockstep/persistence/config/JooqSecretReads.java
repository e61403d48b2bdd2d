package app.lockstep.persistence.config;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import app.lockstep.domain.config.SecretRead;
import app.lockstep.domain.config.SecretReads;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jooq.DSLContext;
import org.jooq.Record;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.SECRET_READS;

@Repository
class JooqSecretReads implements SecretReads {

	private final DSLContext dsl;

	private final SecretReadRecorder recorder;

	JooqSecretReads(DSLContext dsl, SecretReadRecorder recorder) {
		this.dsl = dsl;
		this.recorder = recorder;
	}

	@Override
	public void record(SecretRead read) {
		this.recorder.record(read);
	}

	@Override
	public List<OrgId> organizationsWithPending(int limit) {
		return this.dsl.selectDistinct(SECRET_READS.ORG_ID)
			.from(SECRET_READS)
			.limit(limit)
			.fetch(SECRET_READS.ORG_ID)
			.stream()
			.toList();
	}

	@Override
	public List<SecretRead> lockPending(OrgId org, int limit) {
		return this.dsl.selectFrom(SECRET_READS)
			.where(SECRET_READS.ORG_ID.eq(org))
			.orderBy(SECRET_READS.ID)
			.limit(limit)
			.forUpdate()
			.skipLocked()
			.fetch(this::toRead);
	}

	@Override
	public void delete(OrgId org, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.dsl.deleteFrom(SECRET_READS).where(SECRET_READS.ORG_ID.eq(org)).and(SECRET_READS.ID.in(ids)).execute();
	}

	private SecretRead toRead(Record row) {
		Actor actor = new Actor(Actor.Type.valueOf(row.get(SECRET_READS.ACTOR_TYPE)), row.get(SECRET_READS.ACTOR_ID),
				row.get(SECRET_READS.ACTOR_NAME), row.get(SECRET_READS.ACTOR_IP));
		Instant readAt = row.get(SECRET_READS.READ_AT);
		// Rows from before V21, or from instances that do not know the columns, are one
		// read.
		Instant lastReadAt = (row.get(SECRET_READS.LAST_READ_AT) != null) ? row.get(SECRET_READS.LAST_READ_AT) : readAt;
		return new SecretRead(row.get(SECRET_READS.ID), row.get(SECRET_READS.ORG_ID), actor,
				row.get(SECRET_READS.ENVIRONMENT_ID), row.get(SECRET_READS.PROJECT_SLUG),
				row.get(SECRET_READS.ENVIRONMENT_NAME), row.get(SECRET_READS.REVISION),
				row.get(SECRET_READS.PROJECT_REVISION), Arrays.asList(row.get(SECRET_READS.SENSITIVE_VARIABLES)),
				readAt, row.get(SECRET_READS.READS), lastReadAt);
	}

}
