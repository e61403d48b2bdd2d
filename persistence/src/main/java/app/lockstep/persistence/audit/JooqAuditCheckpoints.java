package app.lockstep.persistence.audit;

import java.util.List;

import app.lockstep.domain.audit.AuditCheckpoints;
import app.lockstep.domain.audit.Checkpoint;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.AuditCheckpointsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.AUDIT_CHECKPOINTS;
import static app.lockstep.persistence.jooq.Tables.AUDIT_HEADS;

/** Signed checkpoints, append-only like the events they vouch for. */
@Repository
class JooqAuditCheckpoints implements AuditCheckpoints {

	private final DSLContext dsl;

	JooqAuditCheckpoints(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Declares the transaction the signer for one statement (the policy
	 * {@code audit_heads_signer} then shows every head), and withdraws it at once.
	 */
	@Override
	public List<OrgId> organizationsWithChains() {
		signer("on");
		try {
			return this.dsl.select(AUDIT_HEADS.ORG_ID)
				.from(AUDIT_HEADS)
				.orderBy(AUDIT_HEADS.ORG_ID)
				.fetch((record) -> record.value1());
		}
		finally {
			signer("");
		}
	}

	private void signer(String value) {
		this.dsl
			.select(DSL.function("set_config", String.class, DSL.val("lockstep.audit_signer"), DSL.val(value),
					DSL.inline(true)))
			.fetch();
	}

	@Override
	public void add(OrgId org, Checkpoint checkpoint) {
		this.dsl.insertInto(AUDIT_CHECKPOINTS)
			.set(AUDIT_CHECKPOINTS.ORG_ID, org)
			.set(AUDIT_CHECKPOINTS.ID, checkpoint.id())
			.set(AUDIT_CHECKPOINTS.SEQ, checkpoint.seq())
			.set(AUDIT_CHECKPOINTS.HASH, checkpoint.hash())
			.set(AUDIT_CHECKPOINTS.SIGNED_AT, checkpoint.signedAt())
			.set(AUDIT_CHECKPOINTS.SIGNED_BY, checkpoint.signedBy())
			.set(AUDIT_CHECKPOINTS.KEY_ID, checkpoint.keyId())
			.set(AUDIT_CHECKPOINTS.PUBLIC_KEY, checkpoint.publicKey())
			.set(AUDIT_CHECKPOINTS.SIGNATURE, checkpoint.signature())
			.execute();
	}

	@Override
	public List<Checkpoint> recent(OrgId org, int limit) {
		return this.dsl.selectFrom(AUDIT_CHECKPOINTS)
			.where(AUDIT_CHECKPOINTS.ORG_ID.eq(org))
			.orderBy(AUDIT_CHECKPOINTS.SIGNED_AT.desc(), AUDIT_CHECKPOINTS.SEQ.desc())
			.limit(limit)
			.fetch(JooqAuditCheckpoints::toCheckpoint);
	}

	@Override
	public List<Checkpoint> all(OrgId org) {
		return this.dsl.selectFrom(AUDIT_CHECKPOINTS)
			.where(AUDIT_CHECKPOINTS.ORG_ID.eq(org))
			.orderBy(AUDIT_CHECKPOINTS.SIGNED_AT.asc(), AUDIT_CHECKPOINTS.SEQ.asc())
			.fetch(JooqAuditCheckpoints::toCheckpoint);
	}

	private static Checkpoint toCheckpoint(AuditCheckpointsRecord record) {
		return new Checkpoint(record.getId(), record.getSeq(), record.getHash(), record.getSignedAt(),
				record.getSignedBy(), record.getKeyId(), record.getPublicKey(), record.getSignature());
	}

}
