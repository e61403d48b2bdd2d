package app.lockstep.web.deploy;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.lockstep.domain.deploy.AwaitingDecisionCounts;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.window.ViewDeploymentWindows;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.CONFLICT;
import static app.lockstep.web.shared.FormRefusal.Kind.FORBIDDEN;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The organization's approval queue: every request awaiting approval, oldest first, with
 * the commits and the config change it brings. Any member may look; those the gate lets
 * decide get "Approve" (comment optional) and "Reject" (comment required). With htmx a
 * decision replaces only its card (with the result, or the refusal beside the comment,
 * and the navigation's count out of band); without, post-redirect-get with a flash, or
 * the queue again with the refusal in the card and the refusal's status.
 */
@Controller
class ApprovalQueueController {

	private final ViewDeployments view;

	private final DecideOnDeployment decide;

	private final Clock clock;

	/**
	 * Identical requests (same environment, artifact and config revision) shown together.
	 */
	public record Group(List<ApprovalQueueCard> cards) {

		public ApprovalQueueCard first() {
			return this.cards.getFirst();
		}

		public String domId() {
			return "same-" + first().detail().deployment().id();
		}

		/** "3 identical requests". */
		public String identical() {
			return this.cards.size() + " identical requests";
		}

		/** "1.4.2 to production". */
		public String versionTo() {
			ViewDeployments.Detail detail = first().detail();
			return detail.artifact().version() + " to " + detail.summary().place().environmentName();
		}

		/** "config revision 7" or "no config". */
		public String config() {
			Integer revision = first().detail().deployment().configRevision();
			return (revision != null) ? "config revision " + revision : "no config";
		}

	}

	private final ViewDeploymentWindows windows;

	private final AwaitingDecisionCounts counts;

	ApprovalQueueController(ViewDeployments view, DecideOnDeployment decide, Clock clock, ViewDeploymentWindows windows,
			AwaitingDecisionCounts counts) {
		this.view = view;
		this.counts = counts;
		this.windows = windows;
		this.decide = decide;
		this.clock = clock;
	}

	/** Requests on a page of the queue; "show more" appends the next ones. */
	static final int PAGE = 20;

	@GetMapping("/orgs/{org}/approvals")
	String queue(Caller caller, @RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String from, HtmxRequest htmx, Model model) {
		DeploymentId first = requestId(from);
		String page = (first != null) ? page(caller, model, null, this.view.approvalQueueFrom(caller, first, PAGE))
				: page(caller, model, null, after);
		return htmx.isHtmxRequest() ? "deploy/fragments/queue-list :: list" : page;
	}

	/**
	 * The next page of requests, appended to the queue (htmx) with the "show more" line
	 * replaced out of band. Without htmx, the queue from there.
	 */
	@GetMapping("/orgs/{org}/approvals/more")
	String more(Caller caller, @RequestParam String after, @RequestParam(required = false) @Nullable Integer shownFrom,
			HtmxRequest htmx, Model model) {
		if (!htmx.isHtmxRequest()) {
			return "redirect:/orgs/" + caller.organization().slug() + "/approvals?after=" + after;
		}
		page(caller, model, null, after);
		if (shownFrom != null) {
			model.addAttribute("shownFrom", shownFrom);
		}
		return "deploy/fragments/queue-list :: more-cards";
	}

	/**
	 * The count beside "Approvals" as it is now, for the navigation to poll (htmx): the
	 * badge's slot, empty at 0 and for members who do not decide.
	 */
	@GetMapping("/orgs/{org}/approvals/badge")
	String badge(Caller caller, Model model) {
		if (caller.can(Permission.APPROVE_DEPLOYMENTS)) {
			model.addAttribute(ApprovalsBadge.ATTRIBUTE, this.counts.of(caller));
		}
		model.addAttribute("org", caller.organization());
		return "deploy/fragments/queue-badge :: badge(oob=false)";
	}

	@PostMapping("/orgs/{org}/approvals/{project}/{environment}/{id}")
	String decide(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String comment, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		DeploymentId deploymentId = DeploymentId.parse(id);
		Decided decided = Refusals.onForm(INVALID, CONFLICT, FORBIDDEN).submit(response, () -> {
			DecideOnDeployment.Outcome outcome = this.decide.decide(caller, project, environment, deploymentId,
					new DecideOnDeployment.Input(decision, comment));
			ViewDeployments.Detail now = this.view.deployment(caller, project, environment, deploymentId);
			return new Decided(now, result(outcome, now), Map.of());
		}, (refused) -> new Decided(null, null, refused.errors()));
		String result = decided.result();
		Map<String, String> errors = decided.errors();
		if (!htmx.isHtmxRequest() && result != null) {
			redirect.addFlashAttribute("flash", result);
			return "redirect:/orgs/" + caller.organization().slug() + "/approvals";
		}
		if (!htmx.isHtmxRequest()) {
			// The page that holds the refused request, to show the refusal in its card.
			return page(caller, model, new Posted(deploymentId, errors, comment),
					this.view.approvalQueueFrom(caller, deploymentId, PAGE));
		}
		ViewDeployments.Detail detail = decided.detail();
		if (detail == null) {
			detail = this.view.deployment(caller, project, environment, deploymentId);
		}
		model.addAttribute("card",
				withWindow(ApprovalQueueCard.of(detail, caller, this.clock.instant()),
						this.windows.now(caller, List.of(detail.summary().place().environment())))
					.with(result, errors, (result == null) ? comment : null));
		model.addAttribute("orgSlug", caller.organization().slug());
		if (caller.can(Permission.APPROVE_DEPLOYMENTS)) {
			model.addAttribute(ApprovalsBadge.ATTRIBUTE, this.counts.of(caller));
		}
		model.addAttribute("org", caller.organization());
		model.addAttribute("caller", caller);
		return "deploy/fragments/queue-card :: decided";
	}

	/**
	 * A decision taken (the deployment as it is now and what the card says) or refused
	 * (the messages).
	 */
	private record Decided(ViewDeployments.@Nullable Detail detail, @Nullable String result,
			Map<String, String> errors) {
	}

	/** A refused decision to show in its card on the full page. */
	private record Posted(DeploymentId id, Map<String, String> errors, @Nullable String comment) {
	}

	private String page(Caller caller, Model model, @Nullable Posted posted, @Nullable String after) {
		return page(caller, model, posted, this.view.approvalQueue(caller, requestId(after), PAGE));
	}

	private String page(Caller caller, Model model, @Nullable Posted posted, ViewDeployments.QueuePage queuePage) {
		Instant now = this.clock.instant();
		List<ApprovalQueueCard> cards = new ArrayList<>();
		boolean shown = false;
		List<ViewDeployments.Detail> queue = queuePage.requests();
		Map<EnvironmentId, ViewDeploymentWindows.Now> windows = this.windows.now(caller,
				queue.stream().map((d) -> d.summary().place().environment()).distinct().toList());
		for (ViewDeployments.Detail detail : queue) {
			ApprovalQueueCard card = withWindow(ApprovalQueueCard.of(detail, caller, now), windows);
			if (posted != null && detail.deployment().id().equals(posted.id())) {
				card = card.with(null, posted.errors(), posted.comment());
				shown = true;
			}
			cards.add(card);
		}
		if (posted != null && !shown) {
			model.addAttribute("problem", String.join(" ", posted.errors().values()));
		}
		Map<String, List<ApprovalQueueCard>> same = new LinkedHashMap<>();
		for (ApprovalQueueCard card : cards) {
			same.computeIfAbsent(card.sameAs(), (key) -> new ArrayList<>()).add(card);
		}
		model.addAttribute("cards", cards);
		model.addAttribute("groups", same.values().stream().map(Group::new).toList());
		model.addAttribute("queuePage", queuePage);
		model.addAttribute("shownFrom", queuePage.from());
		model.addAttribute("orgSlug", caller.organization().slug());
		model.addAttribute("section", "approvals");
		return "deploy/approvals";
	}

	/** A page starting after a request that is not an id starts at the top. */
	private static @Nullable DeploymentId requestId(@Nullable String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		try {
			return new DeploymentId(java.util.UUID.fromString(after));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The card with its environment's window state now (read for all environments of the
	 * queue at once).
	 */
	private static ApprovalQueueCard withWindow(ApprovalQueueCard card,
			Map<EnvironmentId, ViewDeploymentWindows.Now> windows) {
		ViewDeploymentWindows.Now window = Objects
			.requireNonNull(windows.get(card.detail().summary().place().environment().id()), "read for every card");
		return card.withWindow(window.summary(), window.open());
	}

	/** What the approver reads after deciding, such as "Approved — scheduled for …". */
	static String result(DecideOnDeployment.Outcome outcome, ViewDeployments.Detail detail) {
		Deployment deployment = outcome.deployment();
		ZoneId zone = detail.summary().place().environment().timeZone();
		if (deployment.status() == DeploymentStatus.REJECTED) {
			return "Rejected — " + deployment.requestedBy().name() + " can read your comment.";
		}
		Instant due = (deployment.dueAt() != null) ? deployment.dueAt() : outcome.approval().decidedAt();
		return switch (deployment.status()) {
			case SCHEDULED -> "Approved — scheduled for " + QueueTimes.at(due, zone) + ".";
			case WAITING_FOR_WINDOW -> "Approved — waiting for the window"
					+ ((deployment.blockedBy() != null) ? " (" + deployment.blockedBy() + ")" : "") + ": it starts at "
					+ QueueTimes.at(due, zone) + ".";
			default -> "Approved — " + QueueTimes.plural(detail.approvalsGiven(), "approval") + " of "
					+ deployment.approvalsRequired() + " given; it is scheduled when the rest are.";
		};
	}

}
