package app.lockstep.web.deploy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.deploy.CancelDeployment;
import app.lockstep.domain.deploy.ChangeDeployment;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.RedeployPrevious;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.deploy.WindowClosedException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.web.shared.ZoneTimes;
import app.lockstep.web.shared.FormRefusal;
import app.lockstep.web.shared.Refusals;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
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
import static app.lockstep.web.shared.FormRefusal.Kind.FORBIDDEN;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The deployment pages of an environment: the request form, one deployment (what it would
 * change, its approvals, the actions the caller may take, its timeline) and the actions
 * themselves. Every action answers htmx with the deployment's main card and plain forms
 * with a redirect and a flash; a refusal shows its message where the person clicked (422
 * for bad input beside the field, 409 for a status that does not allow it, 403 for a
 * decision the gate does not allow), and changes nothing.
 */
@Controller
@RequestMapping("/orgs/{org}/projects/{project}/environments/{environment}/deployments")
class DeploymentPagesController {

	static final String REQUEST_PAGE = "deploy/request";

	static final String REQUEST_FRAGMENT = "deploy/fragments/request-form :: form";

	static final String DEPLOYMENT_PAGE = "deploy/deployment";

	static final String CARD_FRAGMENT = "deploy/fragments/deployment-card :: card";

	static final String UPDATE_FRAGMENT = "deploy/fragments/deployment-update :: update";

	/** An empty body (a 204 that htmx does not swap). */
	static final String NOTHING = "deploy/fragments/deployment-update :: nothing";

	/**
	 * A short body for an htmx request that the browser follows elsewhere (HX-Redirect).
	 */

	private final ViewDeployments view;

	private final RequestDeployment request;

	private final DecideOnDeployment decide;

	private final ChangeDeployment change;

	private final CancelDeployment cancel;

	private final ReportDeploymentStatus report;

	private final ReviewEmergency review;

	private final RedeployPrevious redeploy;

	private final Clock clock;

	private final DeploymentCard deploymentCard;

	private final SoloGate soloGate;

	DeploymentPagesController(ViewDeployments view, RequestDeployment request, DecideOnDeployment decide,
			ChangeDeployment change, CancelDeployment cancel, ReportDeploymentStatus report, ReviewEmergency review,
			RedeployPrevious redeploy, Clock clock, DeploymentCard deploymentCard, SoloGate soloGate) {
		this.soloGate = soloGate;
		this.clock = clock;
		this.deploymentCard = deploymentCard;
		this.view = view;
		this.request = request;
		this.decide = decide;
		this.change = change;
		this.cancel = cancel;
		this.report = report;
		this.review = review;
		this.redeploy = redeploy;
	}

	// The request form

	/**
	 * The request form with its defaults, or prefilled with {@code artifact} when the
	 * dashboard promotes what is live on the stage before ({@code from}): the same form
	 * and the same gate, one click less.
	 */
	@GetMapping("/new")
	String requestForm(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(required = false) @Nullable String artifact,
			@RequestParam(required = false) @Nullable String from, HtmxRequest htmx, Model model) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		ViewDeployments.EnvironmentView env = this.view.environment(caller, project, environment);
		if (artifact == null || artifact.isBlank()) {
			return requestPage(caller, env, RequestForm.of(env), Map.of(), htmx, model);
		}
		String chosen = artifact.strip();
		boolean listed = env.artifacts().stream().anyMatch((a) -> a.version().equals(chosen));
		model.addAttribute("promoted", chosen);
		model.addAttribute("promotedFrom", (from != null && !from.isBlank()) ? from.strip() : null);
		model.addAttribute("extraArtifact", listed ? null : chosen);
		return requestPage(caller, env, RequestForm.of(env).withArtifact(chosen), Map.of(), htmx, model);
	}

	@PostMapping("/new")
	String submitRequest(Caller caller, @PathVariable String project, @PathVariable String environment,
			@ModelAttribute RequestForm form, HtmxRequest htmx, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		ViewDeployments.EnvironmentView env = this.view.environment(caller, project, environment);
		ZoneTimes times = new ZoneTimes(env.place().environment().timeZone());
		ViewDeployments.Summary same = (form.duplicateConfirmed() || form.isEmergency()) ? null
				: form.identicalPending(env);
		if (same != null) {
			// the same artifact and revision already wait here: say so, offer that one,
			// and request again only when asked twice
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("duplicate", same);
			model.addAttribute("duplicatePath", DeploymentPaths.deployment(caller.organization().slug(), project,
					environment, same.deployment().id()));
			return requestPage(caller, env, form, Map.of(), htmx, model);
		}
		return Refusals.onForm(INVALID).submit(response, () -> {
			Deployment deployment = this.request.request(caller, project, environment, form.toInput(times.zone()));
			String path = DeploymentPaths.deployment(caller.organization().slug(), project, environment,
					deployment.id());
			redirect.addFlashAttribute("flash", requested(deployment));
			return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + path;
		}, (refused) -> requestPage(caller, env, form, errors(refused, times, form.scheduledLater()), htmx, model));
	}

	@PostMapping("/redeploy-previous")
	String redeployPrevious(Caller caller, @PathVariable String project, @PathVariable String environment,
			RedirectAttributes redirect) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		return Refusals.onForm(INVALID).submitOrRedirect(() -> {
			Deployment deployment = this.redeploy.redeploy(caller, project, environment, "queue", null);
			redirect.addFlashAttribute("flash", requested(deployment));
			return "redirect:"
					+ DeploymentPaths.deployment(caller.organization().slug(), project, environment, deployment.id());
		}, (refused) -> {
			redirect.addFlashAttribute("flash", "Nothing was redeployed: " + refused.message());
			return "redirect:" + DeploymentPaths.environment(caller.organization().slug(), project, environment);
		});
	}

	private static String requested(Deployment deployment) {
		return "Deployment requested: " + deployment.status().label().toLowerCase(java.util.Locale.ROOT)
				+ (deployment.emergency() ? " (emergency)." : ".");
	}

	private String requestPage(Caller caller, ViewDeployments.EnvironmentView env, RequestForm form,
			Map<String, String> errors, HtmxRequest htmx, Model model) {
		model.addAttribute("section", "dashboard");
		model.addAttribute("env", env);
		model.addAttribute("project", env.place().project());
		model.addAttribute("environment", env.place().environment());
		ZoneTimes times = new ZoneTimes(env.place().environment().timeZone());
		model.addAttribute("times", times);
		model.addAttribute("zoneName", times.name(this.clock.instant()));
		model.addAttribute("wording", new RequestText(env, times));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("canBreakGlass", caller.can(Permission.BREAK_GLASS));
		if (!htmx.isHtmxRequest()) {
			model.addAttribute("solo",
					this.soloGate.of(caller, env.policy(), env.place().projectSlug(), env.place().environmentName()));
		}
		return htmx.isHtmxRequest() ? REQUEST_FRAGMENT : REQUEST_PAGE;
	}

	// One deployment

	@GetMapping("/{id}")
	String deployment(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, HtmxRequest htmx, Model model) {
		return deploymentPage(caller, project, environment, DeploymentId.parse(id), htmx, model, Outcome.NONE);
	}

	/**
	 * Live status for the deployment page (htmx polls it while the deployment is not
	 * finished): 204 while it is as {@code shown}; once it moved on, the card and, out of
	 * band, the timeline as they are now. Without htmx, the page.
	 */
	@GetMapping("/{id}/live")
	String live(Caller caller, @PathVariable String project, @PathVariable String environment, @PathVariable String id,
			@RequestParam(required = false) @Nullable String shown, HtmxRequest htmx, HttpServletResponse response,
			Model model) {
		DeploymentId deploymentId = DeploymentId.parse(id);
		if (!htmx.isHtmxRequest()) {
			return "redirect:"
					+ DeploymentPaths.deployment(caller.organization().slug(), project, environment, deploymentId);
		}
		Deployment now = this.view.status(caller, project, environment, deploymentId);
		if (liveToken(now).equals(shown)) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return NOTHING;
		}
		deploymentPage(caller, project, environment, deploymentId, htmx, model, Outcome.NONE);
		return UPDATE_FRAGMENT;
	}

	/**
	 * Live deployments card of the environment page (htmx polls it): 204 while its
	 * deployments are as {@code shown}, else the card as it is now. Without htmx, the
	 * environment page.
	 */
	@GetMapping("/card")
	String card(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestParam(required = false) @Nullable String shown, HtmxRequest htmx, HttpServletResponse response,
			Model model) {
		if (!htmx.isHtmxRequest()) {
			return "redirect:" + DeploymentPaths.environment(caller.organization().slug(), project, environment);
		}
		DeploymentCard.View card = this.deploymentCard.of(caller, project, environment);
		if (card.liveToken().equals(shown)) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return NOTHING;
		}
		model.addAttribute("deployments", card);
		model.addAttribute("project", card.environment().place().project());
		model.addAttribute("environment", card.environment().place().environment());
		return "deploy/fragments/environment-card :: card";
	}

	/** What the page shows of a deployment's state: its status and last change. */
	static String liveToken(Deployment deployment) {
		return deployment.status().value() + "-" + deployment.updatedAt().toEpochMilli();
	}

	@PostMapping("/{id}/decision")
	String decision(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String comment, HtmxRequest htmx, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return act(caller, project, environment, DeploymentId.parse(id), "decide",
				Map.of("comment", (comment != null) ? comment : ""), htmx, response, model, redirect, () -> {
					DecideOnDeployment.Outcome outcome = this.decide.decide(caller, project, environment,
							DeploymentId.parse(id), new DecideOnDeployment.Input(decision, comment));
					String text = ("reject".equals(decision) ? "Rejected. " : "Approved. ") + "The deployment is "
							+ outcome.deployment().status().label().toLowerCase(java.util.Locale.ROOT) + ".";
					return "reject".equals(decision) ? Notice.warning(text) : Notice.success(text);
				});
	}

	@PostMapping("/{id}/change")
	String change(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @ModelAttribute ChangeForm form, HtmxRequest htmx, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		model.addAttribute("changeForm", form);
		return act(caller, project, environment, DeploymentId.parse(id), "change", Map.of(), htmx, response, model,
				redirect, () -> {
					ViewDeployments.Detail before = this.view.deployment(caller, project, environment,
							DeploymentId.parse(id));
					Deployment changed = this.change.change(caller, project, environment, DeploymentId.parse(id),
							form.toInput(before.summary().place().environment().timeZone()));
					if (changed.requestVersion() == before.deployment().requestVersion()) {
						return Notice.success("Nothing changed: the request already deploys that.");
					}
					return Notice.success("Request changed; approvals given so far are void. The deployment is "
							+ changed.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
				});
	}

	@PostMapping("/{id}/cancel")
	String cancel(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestParam(required = false) @Nullable String reason, HtmxRequest htmx,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		return act(caller, project, environment, DeploymentId.parse(id), "cancel",
				Map.of("reason", (reason != null) ? reason : ""), htmx, response, model, redirect, () -> {
					this.cancel.cancel(caller, project, environment, DeploymentId.parse(id), reason);
					return Notice.success("Deployment cancelled. It will not run.");
				});
	}

	@PostMapping("/{id}/finish")
	String finish(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String message, HtmxRequest htmx, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		return act(caller, project, environment, DeploymentId.parse(id), "finish",
				Map.of("message", (message != null) ? message : ""), htmx, response, model, redirect, () -> {
					String status = "failed".equals(outcome) ? "failed"
							: ("succeeded".equals(outcome) ? "succeeded" : "");
					Deployment finished = this.report.report(caller, project, environment, DeploymentId.parse(id),
							new ReportDeploymentStatus.Input(status, message, null));
					String text = "Marked " + finished.status().label().toLowerCase(java.util.Locale.ROOT) + ".";
					// a failure recorded is news to act on, not a success
					return (finished.status() == app.lockstep.domain.deploy.DeploymentStatus.SUCCEEDED)
							? Notice.success(text) : Notice.warning(text);
				});
	}

	@PostMapping("/{id}/review")
	String review(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestParam(required = false) @Nullable String comment, HtmxRequest htmx,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		caller.require(Permission.APPROVE_DEPLOYMENTS);
		return act(caller, project, environment, DeploymentId.parse(id), "review",
				Map.of("comment", (comment != null) ? comment : ""), htmx, response, model, redirect, () -> {
					this.review.review(caller, project, environment, DeploymentId.parse(id), comment);
					return Notice.success("Emergency reviewed.");
				});
	}

	/** What an action does; answers the notice that says what happened. */
	@FunctionalInterface
	interface Action {

		Notice run();

	}

	/**
	 * What happened, in words, and its tone: {@code success} (green) or {@code warning}
	 * (a failure recorded, a rejection: news to act on).
	 */
	record Notice(String text, String tone) {

		static Notice success(String text) {
			return new Notice(text, "success");
		}

		static Notice warning(String text) {
			return new Notice(text, "warning");
		}

	}

	/** How an action came out, for the card: its notice, or the form it failed in. */
	record Outcome(@Nullable String notice, @Nullable String tone, @Nullable String failed, Map<String, String> errors,
			Map<String, String> typed) {

		static final Outcome NONE = new Outcome(null, null, null, Map.of(), Map.of());

	}

	private String act(Caller caller, String project, String environment, DeploymentId id, String form,
			Map<String, String> typed, HtmxRequest htmx, HttpServletResponse response, Model model,
			RedirectAttributes redirect, Action action) {
		Outcome outcome = Refusals.onForm(INVALID, CONFLICT, FORBIDDEN).submit(response, () -> {
			Notice notice = action.run();
			return new Outcome(notice.text(), notice.tone(), null, Map.of(), Map.of());
		}, (refused) -> new Outcome(null, null, form, refused.errors(), typed));
		if (outcome.failed() == null) {
			if (!htmx.isHtmxRequest()) {
				redirect.addFlashAttribute("flash", outcome.notice());
				redirect.addFlashAttribute("flashTone", outcome.tone());
				return "redirect:" + DeploymentPaths.deployment(caller.organization().slug(), project, environment, id);
			}
			model.asMap().remove("changeForm");
		}
		String page;
		try {
			page = deploymentPage(caller, project, environment, id, htmx, model, outcome);
		}
		catch (app.lockstep.domain.shared.NotFoundException missing) {
			if (outcome.failed() != null && response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
				// refused before anything was read (a role that never acts here): the
				// refusal is the answer, not whether the deployment exists
				throw new app.lockstep.domain.shared.ForbiddenException(
						outcome.errors().values().stream().findFirst().orElse("You may not do this."));
			}
			throw missing;
		}
		// htmx: the card and, out of band, the timeline, which the action just added to
		return htmx.isHtmxRequest() ? UPDATE_FRAGMENT : page;
	}

	private String deploymentPage(Caller caller, String project, String environment, DeploymentId id, HtmxRequest htmx,
			Model model, Outcome outcome) {
		ViewDeployments.Detail detail = this.view.deployment(caller, project, environment, id);
		ZoneTimes times = new ZoneTimes(detail.summary().place().environment().timeZone());
		model.addAttribute("section", "dashboard");
		model.addAttribute("d", detail);
		model.addAttribute("times", times);
		model.addAttribute("wording", new DeploymentText(detail, times));
		model.addAttribute("project", detail.summary().place().project());
		model.addAttribute("environment", detail.summary().place().environment());
		model.addAttribute("base", DeploymentPaths.deployment(caller.organization().slug(), project, environment, id));
		model.addAttribute("outcome", outcome);
		model.addAttribute("errors", outcome.errors());
		model.addAttribute("timeline", TimelineEntry.of(detail.timeline(), times));
		boolean selfRequested = detail.deployment().requestedByUser().equals(caller.userId());
		model.addAttribute("selfRequested", selfRequested);
		model.addAttribute("solo", (selfRequested && detail.deployment().status() == DeploymentStatus.AWAITING_APPROVAL)
				? this.soloGate.of(caller, detail.policy(), project, environment) : null);
		model.addAttribute("liveToken", liveToken(detail.deployment()));
		if (!model.containsAttribute("changeForm")) {
			model.addAttribute("changeForm", ChangeForm.of(detail.deployment(), detail.artifact().version(), times));
		}
		List<String> versions = List.of();
		if (detail.actions().change()) {
			versions = this.view.environment(caller, project, environment)
				.artifacts()
				.stream()
				.map((a) -> a.version())
				.toList();
		}
		model.addAttribute("versions", versions);
		return htmx.isHtmxRequest() ? CARD_FRAGMENT : DEPLOYMENT_PAGE;
	}

	/**
	 * The errors keyed by field; a closed window says which rule and when it opens, on
	 * the environment's clock: beside the time asked for, or, for "as soon as allowed"
	 * (no time to mark), beside the choice that refused it ({@code whenBlocked}).
	 */
	static Map<String, String> errors(FormRefusal refused, ZoneTimes times, boolean scheduled) {
		Map<String, String> errors = new LinkedHashMap<>(refused.errors());
		if (refused.cause() instanceof WindowClosedException closed) {
			String opens = (closed.nextOpenAt() != null) ? "It opens next " + times.at(closed.nextOpenAt()) + ". "
					: "No open window within a year.";
			if (scheduled) {
				errors.put("scheduledAt",
						"The window is closed then: " + closed.blockedBy() + ". " + opens
								+ ((closed.nextOpenAt() != null)
										? "Schedule it then, or choose \u201cqueue\u201d to wait for the window."
										: ""));
			}
			else {
				errors.remove("scheduledAt");
				errors.put("whenBlocked",
						"The window is closed now: " + closed.blockedBy() + ". " + opens
								+ ((closed.nextOpenAt() != null)
										? "Choose \u201cqueue\u201d to wait for the window, or schedule it then."
										: ""));
			}
		}
		return errors;
	}

}
