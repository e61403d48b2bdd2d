package app.lockstep.web.audit;

import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.audit.VerifyAuditChain;
import app.lockstep.domain.tenancy.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's audit trail, newest first, 50 events a page by keyset
 * ({@code before} = the last sequence number shown). With htmx, "Load more" appends the
 * next rows in place; without it, it is a link to the next page.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final ReadAuditLog readAuditLog;

	private final VerifyAuditChain verifyAuditChain;

	AuditController(ReadAuditLog readAuditLog, VerifyAuditChain verifyAuditChain) {
		this.readAuditLog = readAuditLog;
		this.verifyAuditChain = verifyAuditChain;
	}

	@GetMapping("/orgs/{org}/audit")
	String audit(Caller caller, @RequestParam(required = false) @Nullable Long before,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		ReadAuditLog.Page page = this.readAuditLog.read(caller, before, PAGE_SIZE);
		model.addAttribute("events", page.events().stream().map(AuditRow::of).toList());
		model.addAttribute("next", page.nextBeforeSeq());
		model.addAttribute("orgSlug", caller.organization().slug());
		model.addAttribute("firstPage", before == null);
		model.addAttribute("section", "audit");
		return (htmx != null && before != null) ? "audit/fragments/rows :: rows" : "audit/audit";
	}

	/**
	 * Walks the whole chain. With htmx, only the result replaces the button's neighbour;
	 * without, a page with the result.
	 */
	@GetMapping("/orgs/{org}/audit/verify")
	String verify(Caller caller, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		model.addAttribute("verification", this.verifyAuditChain.verify(caller));
		model.addAttribute("orgSlug", caller.organization().slug());
		model.addAttribute("section", "audit");
		return (htmx != null) ? "audit/fragments/verify :: result" : "audit/verify";
	}

}
