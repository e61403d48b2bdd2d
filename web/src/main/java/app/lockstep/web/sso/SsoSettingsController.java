package app.lockstep.web.sso;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.sso.AddSsoDomain;
import app.lockstep.domain.sso.ConfigureSso;
import app.lockstep.domain.sso.ReadSso;
import app.lockstep.domain.sso.RemoveSsoDomain;
import app.lockstep.domain.sso.SsoProvider;
import app.lockstep.domain.sso.VerifySsoDomain;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.CONFLICT;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The organization's single sign-on, for its owners: the OpenID Connect provider (the
 * client secret is written, never shown back) and the email domains, each verified by a
 * DNS TXT record.
 */
@Controller
@RequestMapping("/orgs/{org}/settings/sso")
class SsoSettingsController {

	static final String PAGE = "sso/settings";

	static final List<Role> JOINING_ROLES = List.of(Role.VIEWER, Role.DEVELOPER, Role.LEAD, Role.ADMIN, Role.AUDITOR);

	private final ReadSso readSso;

	private final ConfigureSso configureSso;

	private final AddSsoDomain addDomain;

	private final VerifySsoDomain verifyDomain;

	private final RemoveSsoDomain removeDomain;

	private final PublicUrl publicUrl;

	SsoSettingsController(ReadSso readSso, ConfigureSso configureSso, AddSsoDomain addDomain,
			VerifySsoDomain verifyDomain, RemoveSsoDomain removeDomain, PublicUrl publicUrl) {
		this.readSso = readSso;
		this.configureSso = configureSso;
		this.addDomain = addDomain;
		this.verifyDomain = verifyDomain;
		this.removeDomain = removeDomain;
		this.publicUrl = publicUrl;
	}

	record ProviderForm(@Nullable String issuer, @Nullable String clientId, @Nullable String clientSecret,
			@Nullable String defaultRole) {
	}

	@GetMapping
	String page(Caller caller, Model model) {
		ReadSso.View view = this.readSso.read(caller);
		SsoProvider provider = view.provider().orElse(null);
		ProviderForm form = (provider != null)
				? new ProviderForm(provider.issuer(), provider.clientId(), null, provider.defaultRole().name())
				: new ProviderForm(null, null, null, Role.VIEWER.name());
		return page(caller, view, form, Map.of(), "", model);
	}

	@PostMapping
	String configure(Caller caller, @ModelAttribute("form") ProviderForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return Refusals.onForm(INVALID).submit(response, () -> {
			SsoProvider saved = this.configureSso.configure(caller, form.issuer(), form.clientId(), form.clientSecret(),
					form.defaultRole());
			redirect.addFlashAttribute("flash", "Single sign-on saved: " + saved.issuer() + ", people join as "
					+ saved.defaultRole().label().toLowerCase(java.util.Locale.ROOT) + ".");
			return "redirect:/orgs/{org}/settings/sso";
		}, (refused) -> page(caller, this.readSso.read(caller),
				new ProviderForm(form.issuer(), form.clientId(), null, form.defaultRole()), refused.errors(), "",
				model));
	}

	@PostMapping("/domains")
	String add(Caller caller, @RequestParam(required = false) @Nullable String domain, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return Refusals.onForm(INVALID, CONFLICT).submit(response, () -> {
			String added = this.addDomain.add(caller, domain).domain();
			redirect.addFlashAttribute("flash",
					added + " added. Publish its TXT record at your DNS provider, then verify it.");
			return "redirect:/orgs/{org}/settings/sso";
		}, (refused) -> {
			ReadSso.View view = this.readSso.read(caller);
			return page(caller, view, currentForm(view), refused.errors(), (domain != null) ? domain : "", model);
		});
	}

	@PostMapping("/domains/{domain}/verify")
	String verify(Caller caller, @PathVariable String domain, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return Refusals.onForm(INVALID, CONFLICT).submit(response, () -> {
			String verified = this.verifyDomain.verify(caller, domain).domain();
			redirect.addFlashAttribute("flash", verified + " is verified: people at " + verified
					+ " who sign in with single sign-on join this organization.");
			return "redirect:/orgs/{org}/settings/sso";
		}, (refused) -> {
			ReadSso.View view = this.readSso.read(caller);
			return page(caller, view, currentForm(view), refused.errors(), "", model);
		});
	}

	@PostMapping("/domains/{domain}/remove")
	String remove(Caller caller, @PathVariable String domain, RedirectAttributes redirect) {
		this.removeDomain.remove(caller, domain);
		redirect.addFlashAttribute("flash", domain + " removed from single sign-on.");
		return "redirect:/orgs/{org}/settings/sso";
	}

	private static ProviderForm currentForm(ReadSso.View view) {
		return view.provider()
			.map((provider) -> new ProviderForm(provider.issuer(), provider.clientId(), null,
					provider.defaultRole().name()))
			.orElse(new ProviderForm(null, null, null, Role.VIEWER.name()));
	}

	private String page(Caller caller, ReadSso.View view, ProviderForm form, Map<String, String> errors,
			String newDomain, Model model) {
		model.addAttribute("provider", view.provider().orElse(null));
		model.addAttribute("domains", view.domains());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("newDomain", newDomain);
		model.addAttribute("roles", JOINING_ROLES);
		model.addAttribute("redirectUri",
				this.publicUrl.of(SsoClientRegistrations.CALLBACK + caller.organization().slug()));
		model.addAttribute("signInUrl", this.publicUrl.of("/oauth2/authorization/" + caller.organization().slug()));
		model.addAttribute("section", "settings");
		return PAGE;
	}

}
