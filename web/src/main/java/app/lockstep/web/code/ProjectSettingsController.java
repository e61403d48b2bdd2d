package app.lockstep.web.code;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.lockstep.domain.code.ConfigureWebhook;
import app.lockstep.domain.code.DeliveryOutcome;
import app.lockstep.domain.code.Forge;
import app.lockstep.domain.code.ViewWebhook;
import app.lockstep.domain.code.WebhookDelivery;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.deploy.ConfigureBranchEnvironments;
import app.lockstep.web.shared.Refusals;
import app.lockstep.web.shared.TypedNumbers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * A project's settings page: its push webhook (the GitHub and GitLab URLs, the secret
 * with a copy button, regenerating it) and the newest deliveries with their outcome.
 * Shows the secret, so it needs the permission to edit projects (viewers and auditors get
 * 403). Regenerating answers htmx with the webhook card alone, and a plain form with a
 * redirect.
 */
@Controller
@RequestMapping("/orgs/{org}/projects/{project}/settings")
class ProjectSettingsController {

	static final String PAGE = "code/settings";

	static final String WEBHOOK_CARD = "code/fragments/webhook :: card";

	static final String BRANCH_CARD = "code/fragments/branch-environments :: card";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss",
			Locale.ENGLISH);

	private final ViewWebhook viewWebhook;

	private final ConfigureWebhook configureWebhook;

	private final ConfigureBranchEnvironments branchEnvironments;

	ProjectSettingsController(ViewWebhook viewWebhook, ConfigureWebhook configureWebhook,
			ConfigureBranchEnvironments branchEnvironments) {
		this.viewWebhook = viewWebhook;
		this.configureWebhook = configureWebhook;
		this.branchEnvironments = branchEnvironments;
	}

	/** The webhook as the card shows it (null fields before it is set up). */
	record HookView(@Nullable String github, @Nullable String gitlab, @Nullable String secret, @Nullable String updated,
			@Nullable String updatedBy) {

		/** The secret button: set up the first one, or regenerate it. */
		public String secretButton() {
			return configured() ? "Regenerate secret" : "Set up webhooks";
		}

		public boolean configured() {
			return this.secret != null;
		}

	}

	/** One delivery as a table row shows it. */
	record DeliveryRow(String at, String forge, String event, DeliveryOutcome outcome, String detail, int commits) {

		public String outcomeClass() {
			return switch (this.outcome) {
				case ACCEPTED -> "text-bg-success";
				case IGNORED -> "text-bg-secondary";
				case REJECTED -> "text-bg-danger";
				case INVALID -> "text-bg-warning";
			};
		}

	}

	@GetMapping
	String settings(Caller caller, @PathVariable String project, Model model) {
		addSettings(caller, project, model);
		model.addAttribute("section", "dashboard");
		return PAGE;
	}

	@PostMapping("/webhook-secret")
	String regenerate(Caller caller, @PathVariable String project, Model model, RedirectAttributes redirect,
			HtmxRequest htmx) {
		ConfigureWebhook.Configured configured = this.configureWebhook.regenerate(caller, project);
		String message = configured.created() ? "Webhook set up. Add its URL and secret to your repository's webhooks."
				: "New secret generated. Deliveries signed with the old one are refused until you update it in "
						+ "GitHub or GitLab.";
		if (htmx.isHtmxRequest()) {
			addSettings(caller, configured.webhook().projectSlug(), model);
			model.addAttribute("hookMessage", message);
			return WEBHOOK_CARD;
		}
		redirect.addFlashAttribute("flash", message);
		return "redirect:/orgs/{org}/projects/{project}/settings";
	}

	@PostMapping("/branch-environments")
	String saveBranchEnvironments(Caller caller, @PathVariable String org, @PathVariable String project,
			HttpServletRequest request, HttpServletResponse response, HtmxRequest htmx, Model model,
			RedirectAttributes redirect) {
		BranchEnvironmentsCard.Form form = BranchEnvironmentsCard.Form.from(request);
		return Refusals.onForm(INVALID).submit(response, () -> {
			ConfigureBranchEnvironments.View saved = this.branchEnvironments.update(caller, project,
					new ConfigureBranchEnvironments.Input(form.enabled(), form.pattern(), form.parent(),
							TypedNumbers.of(form.maxActive()), TypedNumbers.of(form.idleDays())));
			String notice = (saved.rule() != null)
					? "Environments per branch on: pushes to " + saved.rule().pattern() + " get their own."
					: "Environments per branch off; existing ones stay until their branch is deleted.";
			if (!htmx.isHtmxRequest()) {
				redirect.addFlashAttribute("flash", notice);
				return "redirect:/orgs/{org}/projects/{project}/settings";
			}
			addSettings(caller, project, model);
			model.addAttribute("branchNotice", notice);
			return BRANCH_CARD;
		}, (refused) -> {
			addSettings(caller, project, model);
			model.addAttribute("branchForm", form);
			model.addAttribute("branchErrors", refused.errors());
			model.addAttribute("section", "dashboard");
			return htmx.isHtmxRequest() ? BRANCH_CARD : PAGE;
		});
	}

	private void addSettings(Caller caller, String project, Model model) {
		ViewWebhook.Settings settings = this.viewWebhook.settings(caller, project);
		ZoneId zone = caller.organization().timeZone();
		HookView hook = (settings.webhook() != null)
				? new HookView(HookUrls.of(Forge.GITHUB, settings.webhook().hookId()),
						HookUrls.of(Forge.GITLAB, settings.webhook().hookId()), settings.secret(),
						dateTime(settings.webhook().updatedAt(), zone), settings.webhook().updatedBy())
				: new HookView(null, null, null, null, null);
		List<DeliveryRow> deliveries = settings.deliveries().stream().map((delivery) -> row(delivery, zone)).toList();
		model.addAttribute("project", settings.project());
		model.addAttribute("hook", hook);
		model.addAttribute("deliveries", deliveries);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("pageTitle", "Settings · " + settings.project().name() + " · Lockstep");
		model.addAttribute("deliveriesNote", "Newest first, times in " + zone.getId());
		ConfigureBranchEnvironments.View branches = this.branchEnvironments.view(caller, project);
		model.addAttribute("branchCard", BranchEnvironmentsCard.of(branches, caller.organization().slug(), zone));
		model.addAttribute("branchForm", BranchEnvironmentsCard.Form.of(branches));
		model.addAttribute("branchErrors", Map.of());
		model.addAttribute("canManagePolicies", caller.can(Permission.MANAGE_POLICIES));
		model.addAttribute("branchBase",
				"/orgs/" + caller.organization().slug() + "/projects/" + project + "/settings/branch-environments");
	}

	private static DeliveryRow row(WebhookDelivery delivery, ZoneId zone) {
		return new DeliveryRow(dateTime(delivery.receivedAt(), zone),
				(delivery.forge() == Forge.GITHUB) ? "GitHub" : "GitLab", delivery.event(), delivery.outcome(),
				delivery.detail(), delivery.commits());
	}

	private static String dateTime(Instant instant, ZoneId zone) {
		return DATE_TIME.format(instant.atZone(zone));
	}

}
