package app.lockstep.web.deploy;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.access.Caller;
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
 * The emergency review queue: every break-glass deployment nobody has reviewed yet,
 * oldest first, those unreviewed for more than 48 hours flagged overdue. A lead, admin or
 * owner other than the one who broke the glass writes a review (comment required). With
 * htmx the review replaces only its card; without, post-redirect-get with a flash, or the
 * queue again with the refusal in the card and the refusal's status.
 */
@Controller
class ReviewQueueController {

	private final ViewDeployments view;

	private final ReviewEmergency reviewEmergency;

	private final Clock clock;

	ReviewQueueController(ViewDeployments view, ReviewEmergency reviewEmergency, Clock clock) {
		this.view = view;
		this.reviewEmergency = reviewEmergency;
		this.clock = clock;
	}

	@GetMapping("/orgs/{org}/reviews")
	String queue(Caller caller, HtmxRequest htmx, Model model) {
		String page = page(caller, model, null);
		return htmx.isHtmxRequest() ? "deploy/fragments/review-list :: list" : page;
	}

	@PostMapping("/orgs/{org}/reviews/{project}/{environment}/{id}")
	String review(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestParam(required = false) @Nullable String comment, HtmxRequest htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		DeploymentId deploymentId = DeploymentId.parse(id);
		Reviewed reviewed = Refusals.onForm(INVALID, CONFLICT, FORBIDDEN).submit(response, () -> {
			this.reviewEmergency.review(caller, project, environment, deploymentId, comment);
			return new Reviewed("Reviewed — the emergency deployment leaves the queue.", Map.of());
		}, (refused) -> new Reviewed(null, refused.errors()));
		String result = reviewed.result();
		Map<String, String> errors = reviewed.errors();
		if (!htmx.isHtmxRequest() && result != null) {
			redirect.addFlashAttribute("flash", result);
			return "redirect:/orgs/" + caller.organization().slug() + "/reviews";
		}
		if (!htmx.isHtmxRequest()) {
			return page(caller, model, new Posted(deploymentId, errors, comment));
		}
		ViewDeployments.Detail detail = this.view.deployment(caller, project, environment, deploymentId);
		model.addAttribute("item", ReviewQueueItem.of(detail.summary(), caller, this.clock.instant())
			.with(result, errors, (result == null) ? comment : null));
		model.addAttribute("org", caller.organization());
		long overdue = overdue(this.view.reviewQueue(caller), this.clock.instant());
		model.addAttribute("overdue", overdue);
		model.addAttribute("overdueNote", ReviewQueueItem.overdueNote(overdue));
		return "deploy/fragments/review-card :: answered";
	}

	/** What the card says after a review, or the messages when it was refused. */
	private record Reviewed(@Nullable String result, Map<String, String> errors) {
	}

	static long overdue(List<ViewDeployments.Summary> queue, Instant now) {
		return queue.stream().filter((summary) -> ReviewQueueItem.overdue(summary.deployment(), now)).count();
	}

	private record Posted(DeploymentId id, Map<String, String> errors, @Nullable String comment) {
	}

	private String page(Caller caller, Model model, @Nullable Posted posted) {
		Instant now = this.clock.instant();
		List<ReviewQueueItem> items = new ArrayList<>();
		boolean shown = false;
		for (ViewDeployments.Summary summary : this.view.reviewQueue(caller)) {
			ReviewQueueItem item = ReviewQueueItem.of(summary, caller, now);
			if (posted != null && summary.deployment().id().equals(posted.id())) {
				item = item.with(null, posted.errors(), posted.comment());
				shown = true;
			}
			items.add(item);
		}
		if (posted != null && !shown) {
			model.addAttribute("problem", String.join(" ", posted.errors().values()));
		}
		model.addAttribute("items", items);
		long overdue = items.stream().filter(ReviewQueueItem::overdue).count();
		model.addAttribute("overdue", overdue);
		model.addAttribute("overdueNote", ReviewQueueItem.overdueNote(overdue));
		model.addAttribute("section", "reviews");
		return "deploy/reviews";
	}

}
