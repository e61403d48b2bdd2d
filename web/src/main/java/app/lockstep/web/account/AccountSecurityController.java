package app.lockstep.web.account;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.twofactor.EnableTwoFactor;
import app.lockstep.domain.twofactor.EnableTwoFactor.Enrolment;
import app.lockstep.domain.twofactor.SecondFactorCheck;
import app.lockstep.domain.twofactor.TwoFactorSettings;
import app.lockstep.web.shared.CurrentUser;
import app.lockstep.web.shared.Refusals;
import app.lockstep.web.shared.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.CONFLICT;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The person's own security page (in their menu): two-factor authentication switched on
 * with an authenticator app (a QR code drawn here, and the secret as text), ten recovery
 * codes shown once, new ones on demand, and switching it off with a current code or the
 * password. Switching it on ends the person's other sessions. Not part of any
 * organization; these changes are logged (never a code or a secret), as the person's
 * account belongs to no organization's audit trail.
 */
@Controller
class AccountSecurityController {

	private static final Logger log = LoggerFactory.getLogger(AccountSecurityController.class);

	static final String PAGE = "account/security";

	static final String SETUP = "account/setup";

	static final String CODES = "account/recovery-codes";

	private final EnableTwoFactor enable;

	private final TwoFactorSettings settings;

	private final OtherSessions otherSessions;

	AccountSecurityController(EnableTwoFactor enable, TwoFactorSettings settings, OtherSessions otherSessions) {
		this.enable = enable;
		this.settings = settings;
		this.otherSessions = otherSessions;
	}

	@GetMapping("/account/security")
	String page(Model model) {
		return page(Map.of(), model);
	}

	@PostMapping("/account/security/setup")
	String start(HttpServletResponse response, Model model) {
		SignedInUser me = CurrentUser.required();
		return Refusals.onForm(CONFLICT).submit(response, () -> {
			this.enable.start(me.id(), me.email());
			return "redirect:/account/security/setup";
		}, (refused) -> page(refused.globalError(), model));
	}

	@GetMapping("/account/security/setup")
	String setup(@RequestParam(name = "org", required = false) @Nullable String org, Model model) {
		SignedInUser me = CurrentUser.required();
		if (this.settings.status(me.id()).enabled()) {
			return "redirect:/account/security";
		}
		return setup(this.enable.waiting(me.id(), me.email()), org, Map.of(), model);
	}

	@PostMapping("/account/security/setup/confirm")
	String confirm(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "org", required = false) @Nullable String org, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SignedInUser me = CurrentUser.required();
		return Refusals.onForm(INVALID, CONFLICT).submit(response, () -> {
			List<String> codes = this.enable.confirm(me.id(), code.strip());
			int ended = this.otherSessions.end(me.email(), request);
			log.info("Person {} switched on two-factor authentication; {} other sessions ended", me.id(), ended);
			model.addAttribute("endedSessions", ended);
			return codes(codes, true, org, model);
		}, (refused) -> refused.conflict() ? page(refused.globalError(), model)
				: setup(this.enable.waiting(me.id(), me.email()), org, refused.errors(), model));
	}

	@PostMapping("/account/security/recovery-codes")
	String regenerate(@RequestParam(name = "code", defaultValue = "") String code, HttpServletResponse response,
			Model model) {
		SignedInUser me = CurrentUser.required();
		return Refusals.onForm(INVALID).submit(response, () -> {
			List<String> codes = this.settings.regenerateRecoveryCodes(me.id(), code.strip());
			log.info("Person {} made new recovery codes", me.id());
			return codes(codes, false, null, model);
		}, (refused) -> page(Map.of("code", refused.errors().getOrDefault("code", refused.message())), model));
	}

	@PostMapping("/account/security/disable")
	String disable(@RequestParam(name = "proof", defaultValue = "") String proof, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		SignedInUser me = CurrentUser.required();
		return Refusals.onForm(INVALID).submit(response, () -> {
			this.settings.disable(me.id(), proof);
			log.info("Person {} switched off two-factor authentication", me.id());
			redirect.addFlashAttribute("flash", "Two-factor authentication is off.");
			redirect.addFlashAttribute("flashTone", "warning");
			return "redirect:/account/security";
		}, (refused) -> page(Map.of("proof", refused.errors().containsKey("code")
				? "That is neither your password nor a current code." : refused.message()), model));
	}

	private String page(Map<String, String> errors, Model model) {
		SignedInUser me = CurrentUser.required();
		model.addAttribute("status", this.settings.status(me.id()));
		model.addAttribute("errors", errors);
		model.addAttribute("lockMinutes", SecondFactorCheck.LOCK.toMinutes());
		return PAGE;
	}

	private String setup(Enrolment enrolment, @Nullable String org, Map<String, String> errors, Model model) {
		model.addAttribute("qrSvg",
				QrCode.of(enrolment.uri()).toSvg("QR code to add Lockstep to your authenticator app"));
		model.addAttribute("secretGroups", groups(enrolment.secret()));
		model.addAttribute("requiredBy", org);
		model.addAttribute("errors", errors);
		return SETUP;
	}

	private static String codes(List<String> codes, boolean justEnabled, @Nullable String org, Model model) {
		model.addAttribute("codes", codes);
		model.addAttribute("justEnabled", justEnabled);
		model.addAttribute("continueTo", (org != null && org.matches("[a-z0-9-]{1,63}")) ? "/orgs/" + org : null);
		return CODES;
	}

	/** The secret in groups of four, as people copy it. */
	static String groups(String secret) {
		return String.join(" ", secret.split("(?<=\\G.{4})"));
	}

}
