package app.lockstep.web.deploy.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.ViewDeployments;
import org.jspecify.annotations.Nullable;

/** A deployment as the API answers it. */
final class DeploymentJson {

	private DeploymentJson() {
	}

	static Map<String, @Nullable Object> of(ViewDeployments.Detail detail) {
		Map<String, @Nullable Object> json = summary(detail.summary());
		Map<String, @Nullable Object> artifact = new LinkedHashMap<>();
		artifact.put("version", detail.artifact().version());
		artifact.put("commitSha", detail.artifact().commitSha());
		artifact.put("digest", detail.artifact().digest());
		json.put("artifact", artifact);
		json.put("approvalsGiven", detail.approvalsGiven());
		json.put("approvals", detail.approvals().stream().map(DeploymentJson::approval).toList());
		json.put("commits",
				detail.commits()
					.stream()
					.map((c) -> Map.of("sha", c.sha(), "branch", c.branch(), "message",
							(c.message() != null) ? c.message() : "", "author", (c.author() != null) ? c.author() : ""))
					.toList());
		if (detail.configDiff() != null) {
			json.put("configChanges", detail.configDiff().summary().text());
		}
		return json;
	}

	static Map<String, @Nullable Object> summary(ViewDeployments.Summary summary) {
		Deployment d = summary.deployment();
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("id", d.id().toString());
		json.put("status", d.status().value());
		json.put("project", summary.place().projectSlug());
		json.put("environment", summary.place().environmentName());
		json.put("artifact", Map.of("version", summary.artifactVersion()));
		json.put("configRevision", d.configRevision());
		json.put("scheduledAt", text(d.scheduledAt()));
		json.put("whenBlocked", d.whenBlocked().value());
		json.put("note", d.note());
		json.put("emergency", d.emergency());
		json.put("reason", d.emergencyReason());
		json.put("approvalsRequired", d.approvalsRequired());
		json.put("requestVersion", d.requestVersion());
		json.put("blockedBy", d.blockedBy());
		json.put("nextOpenAt", (d.blockedBy() != null) ? text(d.dueAt()) : null);
		json.put("dueAt", (d.status().isPending()) ? text(d.dueAt()) : null);
		json.put("requestedBy", Map.of("type", d.requestedBy().type().name().toLowerCase(java.util.Locale.ROOT), "name",
				d.requestedBy().name()));
		json.put("requestedAt", d.requestedAt().toString());
		json.put("deliveryAttempts", d.dispatchAttempts());
		json.put("lastDeliveryError", d.lastError());
		json.put("startedAt", text(d.startedAt()));
		json.put("finishedAt", text(d.finishedAt()));
		json.put("message", d.statusMessage());
		json.put("logUrl", d.logUrl());
		json.put("review", (d.review() != null)
				? Map.of("by", d.review().byName(), "at", d.review().at().toString(), "comment", d.review().comment())
				: null);
		return json;
	}

	static List<Map<String, @Nullable Object>> summaries(List<ViewDeployments.Summary> list) {
		return list.stream().map(DeploymentJson::summary).toList();
	}

	static Map<String, @Nullable Object> approval(ViewDeployments.ApprovalView view) {
		Approval a = view.approval();
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("decision", a.decision().value());
		json.put("by", a.approverName());
		json.put("role", a.approverRole().name());
		json.put("comment", a.comment());
		json.put("selfApproved", a.selfApproved());
		json.put("requestVersion", a.requestVersion());
		json.put("at", a.decidedAt().toString());
		json.put("expiresAt", a.expiresAt().toString());
		json.put("counts", view.counts());
		json.put("voided", view.voided());
		json.put("expired", view.expired());
		return json;
	}

	static @Nullable String text(java.time.@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
