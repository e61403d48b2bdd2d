package app.lockstep.web.audit.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.ChainVerification;
import app.lockstep.domain.audit.Checkpoint;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.audit.SignCheckpoint;
import app.lockstep.domain.audit.VerifyAuditChain;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.audit.AuditEventJson;
import app.lockstep.web.audit.AuditExport;
import app.lockstep.web.audit.AuditQuery;
import app.lockstep.web.audit.CheckpointJson;
import app.lockstep.web.audit.VerificationJson;
import app.lockstep.web.ops.LockstepMeters;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail as JSON (scope {@code audit:read}; roles that may read the audit log).
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/audit")
class AuditApiController {

	static final int DEFAULT_LIMIT = 50;

	private final ReadAuditLog readAuditLog;

	private final VerifyAuditChain verifyAuditChain;

	private final AuditExport auditExport;

	private final SignCheckpoint signCheckpoint;

	private final LockstepMeters meters;

	AuditApiController(ReadAuditLog readAuditLog, VerifyAuditChain verifyAuditChain, AuditExport auditExport,
			SignCheckpoint signCheckpoint, LockstepMeters meters) {
		this.meters = meters;
		this.readAuditLog = readAuditLog;
		this.verifyAuditChain = verifyAuditChain;
		this.auditExport = auditExport;
		this.signCheckpoint = signCheckpoint;
	}

	/**
	 * Newest first, filtered; {@code next} is the cursor to pass as {@code after} for the
	 * older events (null on the last page).
	 */
	@GetMapping
	@RequiresScope(Scope.AUDIT_READ)
	Map<String, @Nullable Object> events(Caller caller, @ModelAttribute AuditQuery query,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String limit) {
		List<FieldError> errors = new java.util.ArrayList<>();
		Long before = cursor(after, errors);
		int size = limit(limit, errors);
		AuditFilter filter;
		try {
			filter = query.toFilter();
		}
		catch (ValidationException ex) {
			errors.addAll(ex.errors());
			throw new ValidationException(errors);
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		ReadAuditLog.Page page = this.readAuditLog.read(caller, filter, before, size);
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("events", page.events().stream().map((event) -> AuditEventJson.of(caller.orgId(), event)).toList());
		json.put("next", (page.nextBeforeSeq() != null) ? String.valueOf(page.nextBeforeSeq()) : null);
		return json;
	}

	/**
	 * Streams the filtered events oldest first, with their hashes: {@code format=jsonl}
	 * (default) or {@code csv}.
	 */
	@GetMapping("/export")
	@RequiresScope(Scope.AUDIT_READ)
	void export(Caller caller, @ModelAttribute AuditQuery query,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
		this.auditExport.write(caller, query, format, response);
	}

	/** Walks the whole chain: intact to its head, or where it first breaks. */
	@GetMapping("/verify")
	@RequiresScope(Scope.AUDIT_READ)
	Map<String, Object> verify(Caller caller) {
		ChainVerification verification = this.verifyAuditChain.verify(caller);
		this.meters.verification(verification.verified());
		return VerificationJson.of(verification);
	}

	/** The public key and the newest signed checkpoints. */
	@GetMapping("/checkpoints")
	@RequiresScope(Scope.AUDIT_READ)
	Map<String, Object> checkpoints(Caller caller) {
		return CheckpointJson.of(caller.orgId(), this.signCheckpoint.overview(caller));
	}

	/** Signs the chain's head now. */
	@PostMapping("/checkpoints")
	@RequiresScope(Scope.AUDIT_READ)
	ResponseEntity<Map<String, Object>> sign(Caller caller) {
		Checkpoint checkpoint = this.signCheckpoint.sign(caller);
		return ResponseEntity.status(HttpStatus.CREATED).body(CheckpointJson.of(caller.orgId(), checkpoint));
	}

	private static @Nullable Long cursor(@Nullable String after, List<FieldError> errors) {
		if (after == null || after.isBlank()) {
			return null;
		}
		if (!after.strip().matches("[1-9][0-9]{0,17}")) {
			errors.add(new FieldError("after", "\"" + abbreviate(after)
					+ "\" is not a cursor: pass the \"next\" of a previous answer unchanged."));
			return null;
		}
		return Long.parseLong(after.strip());
	}

	private static int limit(@Nullable String limit, List<FieldError> errors) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit.strip());
			if (value >= 1 && value <= ReadAuditLog.MAX_PAGE) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new FieldError("limit", "limit must be a whole number from 1 to " + ReadAuditLog.MAX_PAGE
				+ ", not \"" + abbreviate(limit) + "\"."));
		return DEFAULT_LIMIT;
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
