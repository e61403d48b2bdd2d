package app.lockstep.web.deploy.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.deploy.CancelDeployment;
import app.lockstep.domain.deploy.ChangeDeployment;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.RedeployPrevious;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An environment's deployments as JSON: request (201), read, change (voids approvals),
 * approve or reject, cancel, the deployer's status reports, the review of an emergency
 * and "redeploy previous". Writing needs {@code deployments:write}, reading
 * {@code config:read}. Refusals are problem+json: 422 with the fields (and, for a closed
 * window, {@code blockedBy} and {@code nextOpenAt}), 403 for a role or self-approval, 409
 * with the current {@code status} for a transition that is not allowed.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/environments/{environment}/deployments")
class DeploymentApiController {

	private final RequestDeployment request;

	private final DecideOnDeployment decide;

	private final ChangeDeployment change;

	private final CancelDeployment cancel;

	private final ReportDeploymentStatus report;

	private final ReviewEmergency review;

	private final RedeployPrevious redeploy;

	private final ViewDeployments view;

	DeploymentApiController(RequestDeployment request, DecideOnDeployment decide, ChangeDeployment change,
			CancelDeployment cancel, ReportDeploymentStatus report, ReviewEmergency review, RedeployPrevious redeploy,
			ViewDeployments view) {
		this.request = request;
		this.decide = decide;
		this.change = change;
		this.cancel = cancel;
		this.report = report;
		this.review = review;
		this.redeploy = redeploy;
		this.view = view;
	}

	record RequestBodyJson(@Nullable String artifact, @Nullable Integer configRevision, @Nullable String scheduledAt,
			@Nullable String whenBlocked, @Nullable String note, @Nullable Boolean emergency, @Nullable String reason) {
	}

	record DecisionJson(@Nullable String decision, @Nullable String comment) {
	}

	record CommentJson(@Nullable String comment, @Nullable String reason) {
	}

	record RedeployJson(@Nullable String whenBlocked, @Nullable String note) {
	}

	@PostMapping
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Map<String, @Nullable Object>> request(Caller caller, @PathVariable String project,
			@PathVariable String environment, @RequestBody RequestBodyJson body, HttpServletRequest http) {
		Deployment deployment = this.request.request(caller, project, environment,
				new RequestDeployment.Input(body.artifact(), body.configRevision(), instant(body.scheduledAt()),
						body.whenBlocked(), body.note(), Boolean.TRUE.equals(body.emergency()), body.reason()));
		return created(caller, project, environment, deployment);
	}

	@PostMapping("/redeploy-previous")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Map<String, @Nullable Object>> redeployPrevious(Caller caller, @PathVariable String project,
			@PathVariable String environment, @RequestBody(required = false) @Nullable RedeployJson body,
			HttpServletRequest http) {
		Deployment deployment = this.redeploy.redeploy(caller, project, environment,
				(body != null) ? body.whenBlocked() : null, (body != null) ? body.note() : null);
		return created(caller, project, environment, deployment);
	}

	@GetMapping
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, Object> list(Caller caller, @PathVariable String project, @PathVariable String environment) {
		ViewDeployments.EnvironmentView env = this.view.environment(caller, project, environment);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("live", (env.live() != null) ? DeploymentJson.summary(env.live()) : Map.of());
		json.put("deployments", DeploymentJson.summaries(env.recent()));
		return json;
	}

	@GetMapping("/{id}")
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, @Nullable Object> get(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id) {
		return DeploymentJson.of(this.view.deployment(caller, project, environment, DeploymentId.parse(id)));
	}

	@PatchMapping("/{id}")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> change(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest http) {
		String artifact = body.hasNonNull("artifact") ? body.get("artifact").asString() : null;
		Integer revision = null;
		if (body.hasNonNull("configRevision")) {
			if (!body.get("configRevision").canConvertToInt()) {
				throw new ValidationException("configRevision", "Give the config revision as a number.");
			}
			revision = body.get("configRevision").asInt();
		}
		boolean scheduleGiven = body.has("scheduledAt");
		Instant scheduledAt = body.hasNonNull("scheduledAt") ? instant(body.get("scheduledAt").asString()) : null;
		this.change.change(caller, project, environment, DeploymentId.parse(id),
				new ChangeDeployment.Input(artifact, revision, scheduleGiven, scheduledAt));
		return get(caller, project, environment, id);
	}

	@PostMapping("/{id}/approvals")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Map<String, @Nullable Object>> decide(Caller caller, @PathVariable String project,
			@PathVariable String environment, @PathVariable String id, @RequestBody DecisionJson body,
			HttpServletRequest http) {
		this.decide.decide(caller, project, environment, DeploymentId.parse(id),
				new DecideOnDeployment.Input(body.decision(), body.comment()));
		return ResponseEntity.status(201).body(get(caller, project, environment, id));
	}

	@PostMapping("/{id}/cancel")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> cancel(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestBody(required = false) @Nullable CommentJson body,
			HttpServletRequest http) {
		this.cancel.cancel(caller, project, environment, DeploymentId.parse(id),
				(body != null) ? ((body.reason() != null) ? body.reason() : body.comment()) : null);
		return get(caller, project, environment, id);
	}

	@PostMapping("/{id}/status")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> status(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestBody ReportDeploymentStatus.Input body, HttpServletRequest http) {
		this.report.report(caller, project, environment, DeploymentId.parse(id), body);
		return get(caller, project, environment, id);
	}

	@PostMapping("/{id}/review")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> review(Caller caller, @PathVariable String project, @PathVariable String environment,
			@PathVariable String id, @RequestBody CommentJson body, HttpServletRequest http) {
		this.review.review(caller, project, environment, DeploymentId.parse(id), body.comment());
		return get(caller, project, environment, id);
	}

	private ResponseEntity<Map<String, @Nullable Object>> created(Caller caller, String project, String environment,
			Deployment deployment) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/orgs/{org}/projects/{project}/environments/{environment}/deployments/{id}")
			.buildAndExpand(caller.organization().slug(), project, environment, deployment.id())
			.toUri();
		return ResponseEntity.created(location)
			.body(DeploymentJson.of(this.view.deployment(caller, project, environment, deployment.id())));
	}

	static @Nullable Instant instant(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.OffsetDateTime.parse(text.strip()).toInstant();
			}
			catch (DateTimeParseException again) {
				throw new ValidationException("scheduledAt", "\"" + text
						+ "\" is not a time: use ISO 8601 with a zone, such as 2026-12-01T09:00:00Z, or null.");
			}
		}
	}

}
