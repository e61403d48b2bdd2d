package app.lockstep.web.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.Checkpoint;
import app.lockstep.domain.audit.SignCheckpoint;
import app.lockstep.domain.shared.OrgId;

/**
 * A signed checkpoint as the API answers it, with the exact message that was signed, so
 * anyone can check it with the public key ({@code openssl pkeyutl -verify -rawin}).
 */
public final class CheckpointJson {

	private CheckpointJson() {
	}

	public static Map<String, Object> of(OrgId org, Checkpoint checkpoint) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("seq", checkpoint.seq());
		json.put("hash", checkpoint.hash());
		json.put("signedAt", AuditChain.formatAt(checkpoint.signedAt()));
		json.put("signedBy", checkpoint.signedBy());
		json.put("keyId", checkpoint.keyId());
		json.put("message", checkpoint.message(org));
		json.put("signature", checkpoint.signature());
		return json;
	}

	public static Map<String, Object> of(OrgId org, SignCheckpoint.Overview overview) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("keyId", overview.keyId());
		json.put("publicKey", overview.publicKey());
		json.put("publicKeyPem", overview.publicKeyPem());
		json.put("checkpoints", overview.recent().stream().map((checkpoint) -> of(org, checkpoint)).toList());
		return json;
	}

}
