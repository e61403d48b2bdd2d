package app.lockstep.domain.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Signs the head of a chain and stores the checkpoint: for one organization on demand
 * (owners, admins and auditors), and for every organization once a day.
 */
@UseCase
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

	/**
	 * Signs the head now, for whoever may {@link Permission#SIGN_CHECKPOINTS} (owners,
	 * admins and auditors: see decision 13).
	 */
	public Checkpoint sign(Caller caller) {
		caller.require(Permission.SIGN_CHECKPOINTS);
		return sign(caller.orgId(), caller.name());
	}

	/**
	 * Signs the head of every organization's chain, each in its own transaction: one that
	 * fails does not keep the others unsigned.
	 */
	public Signed signAll() {
		List<OrgId> organizations = this.transactions.global(this.checkpoints::organizationsWithChains);
		List<OrgId> failed = new ArrayList<>();
		for (OrgId org : organizations) {
			try {
				sign(org, "daily checkpoint");
			}
			catch (RuntimeException ex) {
				failed.add(org);
			}
		}
		return new Signed(organizations.size() - failed.size(), List.copyOf(failed));
	}

	/** How many chains the daily job signed, and the organizations it could not sign. */
	public record Signed(int signed, List<OrgId> failed) {
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
