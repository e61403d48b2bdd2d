package app.lockstep.domain.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.domain.tenancy.Permission;

/**
 * Signs the head of a chain and stores the checkpoint: for one organization on demand
 * (anyone who may read the log), and for every organization once a day.
 */
public final class SignCheckpoint {

	public static final int RECENT = 10;

	private final AuditLog auditLog;

	private final AuditCheckpoints checkpoints;

	private final CheckpointSigner signer;

	private final Transactions transactions;

	private final Clock clock;

	public SignCheckpoint(AuditLog auditLog, AuditCheckpoints checkpoints, CheckpointSigner signer,
			Transactions transactions, Clock clock) {
		this.auditLog = auditLog;
		this.checkpoints = checkpoints;
		this.signer = signer;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Checkpoint sign(Caller caller) {
		caller.require(Permission.READ_AUDIT);
		return sign(caller.orgId(), caller.name());
	}

	/** Signs the head of every organization's chain; answers how many were signed. */
	public int signAll() {
		List<OrgId> organizations = this.transactions.global(this.checkpoints::organizationsWithChains);
		for (OrgId org : organizations) {
			sign(org, "daily checkpoint");
		}
		return organizations.size();
	}

	/** The newest checkpoints, and the key that signs them. */
	public Overview overview(Caller caller) {
		caller.require(Permission.READ_AUDIT);
		List<Checkpoint> recent = this.transactions.inTenant(caller.orgId(),
				() -> this.checkpoints.recent(caller.orgId(), RECENT));
		return new Overview(recent, this.signer.keyId(), this.signer.publicKeyBase64(), this.signer.publicKeyPem());
	}

	private Checkpoint sign(OrgId org, String signedBy) {
		return this.transactions.inTenant(org, () -> {
			ChainHead head = this.auditLog.head(org);
			Instant now = AuditChain.truncate(this.clock.instant());
			String signature = this.signer.sign(Checkpoint.message(org, head.seq(), head.hash(), now));
			Checkpoint checkpoint = new Checkpoint(UUID.randomUUID(), head.seq(), head.hash(), now, signedBy,
					this.signer.keyId(), this.signer.publicKeyBase64(), signature);
			this.checkpoints.add(org, checkpoint);
			return checkpoint;
		});
	}

	public record Overview(List<Checkpoint> recent, String keyId, String publicKey, String publicKeyPem) {
	}

}
