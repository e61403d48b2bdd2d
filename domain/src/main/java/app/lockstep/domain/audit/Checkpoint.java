package app.lockstep.domain.audit;

import java.time.Instant;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;

/**
 * A chain's head (sequence number and hash) signed with the deployment's Ed25519 key. The
 * signature covers the UTF-8 bytes of {@link #message}:
 * {@code lockstep-audit-checkpoint:v1:<org>:<seq>:<hash>:<signedAt>}.
 */
public record Checkpoint(UUID id, long seq, String hash, Instant signedAt, String signedBy, String keyId,
		String publicKey, String signature) {

	public static String message(OrgId org, long seq, String hash, Instant signedAt) {
		return "lockstep-audit-checkpoint:v1:" + org.value() + ":" + seq + ":" + hash + ":"
				+ AuditChain.formatAt(signedAt);
	}

	public String message(OrgId org) {
		return message(org, this.seq, this.hash, this.signedAt);
	}

}
