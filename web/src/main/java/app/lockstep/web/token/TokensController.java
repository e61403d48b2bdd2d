package app.lockstep.web.token;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.token.CreateApiToken;
import app.lockstep.domain.token.ListApiTokens;
import app.lockstep.domain.token.RevokeApiToken;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.PublicUrl;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.CONFLICT;
import static app.lockstep.web.shared.FormRefusal.Kind.FORBIDDEN;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The API tokens page: the member's tokens (owners and admins: everyone's), creating one
 * (its secret shown once, in the very response that created it) and revoking. Plain form
 * posts and htmx fragments alike.
 */
@Controller
@RequestMapping("/orgs/{org}/tokens")
class TokensController {

	static final String PAGE = "token/tokens";

	static final String TOKEN_ROW = "token/fragments/token-row :: row";

	private static final String REDIRECT = "redirect:/orgs/{org}/tokens";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final ListApiTokens listApiTokens;

	private final CreateApiToken createApiToken;

	private final RevokeApiToken revokeApiToken;

	private final ViewProjects viewProjects;

	private final Clock clock;

	private final PublicUrl publicUrl;

	TokensController(ListApiTokens listApiTokens, CreateApiToken createApiToken, RevokeApiToken revokeApiToken,
			ViewProjects viewProjects, Clock clock, PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		this.listApiTokens = listApiTokens;
		this.createApiToken = createApiToken;
		this.revokeApiToken = revokeApiToken;
		this.viewProjects = viewProjects;
		this.clock = clock;
	}

	/** What the create form holds; kept as typed when it is refused. */
	record TokenForm(@Nullable String name, @Nullable List<String> scopes, @Nullable String project,
			@Nullable String environment, @Nullable String expiresInDays) {

		public boolean checked(String scope) {
			return this.scopes != null && this.scopes.contains(scope);
		}

	}

	/** A scope checkbox: disabled when the member's role does not allow it. */
	record ScopeOption(String value, String id, String description, boolean allowed) {
	}

	/** A token as one table row shows it (never its secret). */
	record TokenRow(String id, String name, String prefix, List<String> scopes, String where, String createdBy,
			boolean own, String created, String lastUsed, String expires, ApiToken.Status status) {

		/** The prefix the token starts with, cut off ("lst_AbCd1234…"). */
		public String prefixShown() {
			return this.prefix + "…";
		}

		/** What the revoke button asks before it acts. */
		public String revokeConfirm() {
			return "Revoke the token " + this.name + "? Whatever uses it stops working at once.";
		}

		/** "by Leo Lead", under a token someone else created. */
		public String by() {
			return "by " + this.createdBy;
		}

		public boolean revocable() {
			return this.status != ApiToken.Status.REVOKED;
		}

	}

	/** The token just created with its secret: shown once, never stored. */
	record Created(String secret, String name, List<String> scopes, String where, String expires) {
	}

	@ModelAttribute("scopeOptions")
	List<ScopeOption> scopeOptions(Caller caller) {
		return Arrays.stream(Scope.values())
			.map((scope) -> new ScopeOption(scope.value(), "scope-" + scope.value().replace(':', '-'),
					scope.description(), scope.allowedFor(caller.role())))
			.toList();
	}

	/** The example's address: this server's own, as people reach it. */
	@ModelAttribute("apiExample")
	String apiExample(Caller caller) {
		return this.publicUrl.of("/api/v1/orgs/" + caller.organization().slug() + "/projects");
	}

	@ModelAttribute("projects")
	List<String> projects(Caller caller) {
		return this.viewProjects.all(caller).stream().map((project) -> project.project().slug()).toList();
	}

	@GetMapping
	String page(Caller caller, Model model) {
		return page(caller, model, newForm(), Map.of());
	}

	@PostMapping
	String create(Caller caller, @ModelAttribute("tokenForm") TokenForm form, Model model, HtmxRequest htmx,
			HttpServletResponse response) {
		return Refusals.onForm(INVALID, FORBIDDEN).submit(response, () -> {
			CreateApiToken.Issued issued = this.createApiToken.create(caller, new CreateApiToken.Input(form.name(),
					form.scopes(), form.project(), form.environment(), days(form.expiresInDays())));
			ApiToken token = issued.token();
			model.addAttribute("created", new Created(issued.secret().value(), token.name(), token.scopeValues(),
					where(token), expires(token, caller.organization().timeZone())));
			response.setHeader("Cache-Control", "no-store");
			if (htmx.isHtmxRequest()) {
				model.addAttribute("tokenForm", newForm());
				model.addAttribute("errors", Map.of());
				addTokens(caller, model);
				return "token/fragments/create-response";
			}
			// No post/redirect/get: the secret is shown once, in this very response.
			return page(caller, model, newForm(), Map.of());
		}, (refused) -> {
			// A scope the person may not grant is refused beside the scopes.
			Map<String, String> errors = refused.forbidden() ? Map.of("scopes", refused.message()) : refused.errors();
			if (htmx.isHtmxRequest()) {
				model.addAttribute("tokenForm", form);
				model.addAttribute("errors", errors);
				return "token/fragments/token-form :: panel";
			}
			return page(caller, model, form, errors);
		});
	}

	@PostMapping("/{id}/revoke")
	String revoke(Caller caller, @PathVariable UUID id, Model model, RedirectAttributes redirect, HtmxRequest htmx,
			HttpServletResponse response) {
		return Refusals.onForm(CONFLICT).submit(response, () -> {
			ApiToken revoked = this.revokeApiToken.revoke(caller, id);
			if (htmx.isHtmxRequest()) {
				model.addAttribute("tokenRow", row(caller, revoked));
				model.addAttribute("seesEveryone", ListApiTokens.seesEveryonesTokens(caller));
				return TOKEN_ROW;
			}
			redirect.addFlashAttribute("flash",
					"The token \"" + revoked.name() + "\" was revoked; it no longer works.");
			return REDIRECT;
		}, (refused) -> {
			model.addAttribute("pageError", refused.message());
			return page(caller, model, newForm(), Map.of());
		});
	}

	private String page(Caller caller, Model model, TokenForm form, Map<String, String> errors) {
		addTokens(caller, model);
		model.addAttribute("tokenForm", form);
		model.addAttribute("errors", errors);
		model.addAttribute("section", "tokens");
		return PAGE;
	}

	private void addTokens(Caller caller, Model model) {
		model.addAttribute("tokens",
				this.listApiTokens.list(caller).stream().map((token) -> row(caller, token)).toList());
		boolean everyone = ListApiTokens.seesEveryonesTokens(caller);
		model.addAttribute("seesEveryone", everyone);
		model.addAttribute("tokensHeading", everyone ? "All tokens" : "Your tokens");
		model.addAttribute("tokensZone", "Times in " + caller.organization().timeZone().getId());
	}

	private TokenRow row(Caller caller, ApiToken token) {
		ZoneId zone = caller.organization().timeZone();
		return new TokenRow(token.id().toString(), token.name(), token.prefix(), token.scopeValues(), where(token),
				token.createdByName(), token.createdBy().equals(caller.userId()), dateTime(token.createdAt(), zone),
				(token.lastUsedAt() != null) ? dateTime(token.lastUsedAt(), zone) : "Never", expires(token, zone),
				token.statusAt(this.clock.instant()));
	}

	private static String where(ApiToken token) {
		if (token.projectSlug() == null) {
			return "All projects";
		}
		return (token.environmentName() != null) ? token.projectSlug() + " / " + token.environmentName()
				: token.projectSlug();
	}

	private static String expires(ApiToken token, ZoneId zone) {
		return (token.expiresAt() != null) ? dateTime(token.expiresAt(), zone) : "Never";
	}

	private static String dateTime(Instant instant, ZoneId zone) {
		return DATE_TIME.format(instant.atZone(zone));
	}

	/**
	 * The days typed in the form: blank means the default; anything but a whole number is
	 * out of range, so the domain's message about the range applies.
	 */
	private static @Nullable Integer days(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static TokenForm newForm() {
		return new TokenForm("", List.of(Scope.CONFIG_READ.value()), "", "",
				String.valueOf(CreateApiToken.DEFAULT_DAYS));
	}

}
