package app.lockstep.domain.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Walks an organization's whole chain in one transaction, streaming (constant memory):
 * from the genesis to the head the database records, every event in sequence, linked to
 * the one before and matching its hash, and agreeing with every checkpoint signed by the
 * configured key.
 */
@UseCase
public final class VerifyAuditChain {

	private final AuditLog auditLog;

	private final AuditCheckpoints checkpoints;

	private final CheckpointSigner signer;

	private final Transactions transactions;

	public VerifyAuditChain(AuditLog auditLog, AuditCheckpoints checkpoints, CheckpointSigner signer,
			Transactions transactions) {
		this.auditLog = auditLog;
		this.checkpoints = checkpoints;
		this.signer = signer;
		this.transactions = transactions;
	}

	public ChainVerification verify(Caller caller) {
		caller.require(Permission.READ_AUDIT);
		return this.transactions.inTenantLongRunning(caller.orgId(), () -> walk(caller.orgId()));
	}

	/**
	 * Every organization's chain, for the operator after a restore or an upgrade (no
	 * person is involved: {@code java -jar lockstep.jar verify-audit-chains}). One chain
	 * that cannot be read is reported as broken, and the others are still walked.
	 */
	public Map<OrgId, ChainVerification> verifyAll() {
		List<OrgId> organizations = this.transactions.global(this.checkpoints::organizationsWithChains);
		Map<OrgId, ChainVerification> results = new LinkedHashMap<>();
		for (OrgId org : organizations) {
			try {
				results.put(org, this.transactions.inTenantLongRunning(org, () -> walk(org)));
			}
			catch (RuntimeException ex) {
				results.put(org, new ChainVerification.Broken(0, "The chain could not be read: " + ex.getMessage()));
			}
		}
		return results;
	}

	private ChainVerification walk(OrgId org) {
		ChainHead head = this.auditLog.head(org);
		Map<Long, String> signed = new HashMap<>();
		for (Checkpoint checkpoint : this.checkpoints.all(org)) {
			if (!checkpoint.keyId().equals(this.signer.keyId()) || checkpoint.seq() == 0) {
				continue;
			}
			if (!this.signer.verifies(checkpoint.message(org), checkpoint.signature())) {
				return new ChainVerification.Broken(checkpoint.seq(), "The checkpoint for event " + checkpoint.seq()
						+ " signed at " + AuditChain.formatAt(checkpoint.signedAt()) + " has an invalid signature.");
			}
			signed.put(checkpoint.seq(), checkpoint.hash());
		}
		ChainVerifier verifier = new ChainVerifier().withCheckpoints(signed);
		this.auditLog.scan(org, AuditFilter.NONE, head.seq(), (event) -> verifier.accept(event.seq(), event.prevHash(),
				event.hash(), canonicalOrNothing(org, event)));
		return verifier.finish(head);
	}

	/**
	 * An event whose details were altered into something the canonical form cannot hold
	 * (a fraction, say) matches no hash.
	 */
	private static String canonicalOrNothing(OrgId org, AuditEvent event) {
		try {
			return AuditChain.canonicalJson(org, event);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
