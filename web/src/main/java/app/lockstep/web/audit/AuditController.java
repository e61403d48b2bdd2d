package app.lockstep.web.audit;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.ChainVerification;
import app.lockstep.domain.audit.Checkpoint;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.audit.SignCheckpoint;
import app.lockstep.domain.audit.VerifyAuditChain;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.ops.LockstepMeters;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The organization's audit trail, newest first, 50 events a page by keyset
 * ({@code before} = the last sequence number shown), filtered by actor, action, project,
 * environment, time range and free text. With htmx, the filter form replaces the results
 * and "Load older events" appends the next rows in place; without it, both are plain
 * links and forms. Each event opens to its details, and has a page of its own.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final ReadAuditLog readAuditLog;

	private final VerifyAuditChain verifyAuditChain;

	private final AuditExport auditExport;

	private final SignCheckpoint signCheckpoint;

	private final LockstepMeters meters;

	AuditController(ReadAuditLog readAuditLog, VerifyAuditChain verifyAuditChain, AuditExport auditExport,
			SignCheckpoint signCheckpoint, LockstepMeters meters) {
		this.meters = meters;
		this.readAuditLog = readAuditLog;
		this.verifyAuditChain = verifyAuditChain;
		this.auditExport = auditExport;
		this.signCheckpoint = signCheckpoint;
	}

	@GetMapping("/orgs/{org}/audit")
	String audit(Caller caller, @ModelAttribute("query") AuditQuery query,
			@RequestParam(required = false) @Nullable Long before, HtmxRequest htmx, Model model,
			HttpServletResponse response) {
		String slug = caller.organization().slug();
		String path = "/orgs/" + slug + "/audit";
		Refusals.Answer<ReadAuditLog.Page> answer = Refusals.onForm(INVALID)
			.query(response, () -> this.readAuditLog.read(caller, query.toFilter(), before, PAGE_SIZE));
		ReadAuditLog.Page read = answer.value();
		ReadAuditLog.Page page = (read != null) ? read : new ReadAuditLog.Page(List.of(), null);
		model.addAttribute("events", page.events().stream().map(AuditRow::of).toList());
		model.addAttribute("next", page.nextBeforeSeq());
		model.addAttribute("nextUrl",
				(page.nextBeforeSeq() != null) ? query.link(path, Map.of("before", page.nextBeforeSeq())) : null);
		model.addAttribute("errors", answer.errors());
		model.addAttribute("filtered", !query.isEmpty());
		model.addAttribute("exportJsonl", query.link(path + "/export", Map.of("format", "jsonl")));
		model.addAttribute("exportCsv", query.link(path + "/export", Map.of("format", "csv")));
		model.addAttribute("orgSlug", slug);
		model.addAttribute("firstPage", before == null);
		model.addAttribute("wording", new AuditText(!query.isEmpty(), before == null, !answer.errors().isEmpty()));
		model.addAttribute("section", "audit");
		if (htmx.isHtmxRequest() && before != null) {
			return "audit/fragments/rows :: rows";
		}
		model.addAttribute("actions", this.readAuditLog.actions(caller));
		if (htmx.isHtmxRequest()) {
			return "audit/fragments/results :: results";
		}
		model.addAttribute("checkpoints", this.signCheckpoint.overview(caller));
		return "audit/audit";
	}

	/** One event with everything it records and its place in the chain. */
	@GetMapping("/orgs/{org}/audit/events/{seq}")
	String event(Caller caller, @PathVariable long seq, Model model) {
		model.addAttribute("e", AuditRow.of(this.readAuditLog.event(caller, seq)));
		model.addAttribute("orgSlug", caller.organization().slug());
		model.addAttribute("section", "audit");
		return "audit/event";
	}

	/**
	 * Signs the chain's head now. With htmx, the checkpoints card is replaced; without,
	 * back to the audit page (post-redirect-get).
	 */
	@PostMapping("/orgs/{org}/audit/checkpoints")
	String sign(Caller caller, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
		Checkpoint checkpoint = this.signCheckpoint.sign(caller);
		String flash = "Signed the head of the chain: event " + checkpoint.seq() + ".";
		if (htmx.isHtmxRequest()) {
			model.addAttribute("checkpoints", this.signCheckpoint.overview(caller));
			model.addAttribute("orgSlug", caller.organization().slug());
			model.addAttribute("signed", flash);
			return "audit/fragments/checkpoints :: checkpoints";
		}
		redirect.addFlashAttribute("signed", flash);
		return "redirect:/orgs/" + caller.organization().slug() + "/audit#checkpoints";
	}

	/** The browser's download of the filtered events (see {@link AuditExport}). */
	@GetMapping("/orgs/{org}/audit/export")
	void export(Caller caller, @ModelAttribute AuditQuery query,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
		this.auditExport.write(caller, query, format, response);
	}

	/**
	 * Walks the whole chain. With htmx, only the result replaces the button's neighbour;
	 * without, a page with the result.
	 */
	@GetMapping("/orgs/{org}/audit/verify")
	String verify(Caller caller, HtmxRequest htmx, Model model) {
		ChainVerification verification = this.verifyAuditChain.verify(caller);
		this.meters.verification(verification.verified());
		model.addAttribute("verification", verification);
		if (verification instanceof ChainVerification.Verified verified) {
			model.addAttribute("intact",
					verified.events() + " events link from the genesis to the head, each matching its hash.");
		}
		model.addAttribute("orgSlug", caller.organization().slug());
		model.addAttribute("section", "audit");
		return htmx.isHtmxRequest() ? "audit/fragments/verify :: result" : "audit/verify";
	}

}
