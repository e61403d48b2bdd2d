package app.lockstep.web.audit.api;

import java.util.Map;

import app.lockstep.domain.audit.VerifyAuditChain;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.domain.token.Scope;
import app.lockstep.web.audit.VerificationJson;
import app.lockstep.web.shared.RequiresScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail as JSON (scope {@code audit:read}; roles that may read the audit log).
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/audit")
class AuditApiController {

	private final VerifyAuditChain verifyAuditChain;

	AuditApiController(VerifyAuditChain verifyAuditChain) {
		this.verifyAuditChain = verifyAuditChain;
	}

	/** Walks the whole chain: intact to its head, or where it first breaks. */
	@GetMapping("/verify")
	@RequiresScope(Scope.AUDIT_READ)
	Map<String, Object> verify(Caller caller) {
		return VerificationJson.of(this.verifyAuditChain.verify(caller));
	}

}
