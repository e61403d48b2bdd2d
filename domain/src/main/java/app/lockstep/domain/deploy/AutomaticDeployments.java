package app.lockstep.domain.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.BuildTriggers;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.code.GitRef;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Environments that deploy by themselves. A build is deployed on an environment with an
 * {@link AutoDeployRule} once both are known: the build (artifact) and a branch or tag
 * matching the rule that points at its commit, in whichever order they arrive. The
 * request is an ordinary one (same gate, promotion rule and windows), made by the member
 * who set the rule, audited with the ref and who pushed it; a refusal (closed window with
 * "reject", missing promotion step) is recorded and audited instead. Each build is
 * considered at most once per environment.
 */
@UseCase
public final class AutomaticDeployments implements BuildTriggers {

	/** The name the audit trail gives automatic requests. */
	public static final String ACTOR = "Automatic deployment";

	private final AutoDeployRules rules;

	private final Projects projects;

	private final Environments environments;

	private final CodeChanges codeChanges;

	private final Artifacts artifacts;

	private final RequestDeployment requests;

	private final BranchEnvironmentLifecycle branches;

	private final AuditLog auditLog;

	private final DeploymentNotices notices;

	private final Clock clock;

	public AutomaticDeployments(AutoDeployRules rules, Projects projects, Environments environments,
			CodeChanges codeChanges, Artifacts artifacts, RequestDeployment requests,
			BranchEnvironmentLifecycle branches, AuditLog auditLog, DeploymentNotices notices, Clock clock) {
		this.branches = branches;
		this.notices = notices;
		this.rules = rules;
		this.projects = projects;
		this.environments = environments;
		this.codeChanges = codeChanges;
		this.artifacts = artifacts;
		this.requests = requests;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Override
	public void registered(OrgId org, ProjectId project, String projectSlug, Artifact artifact) {
		List<AutoDeployRule> rules = this.rules.ofProject(org, project);
		if (rules.isEmpty()) {
			return;
		}
		List<GitRef> refs = new ArrayList<>();
		this.codeChanges.find(org, project, artifact.commitSha())
			.ifPresent((commit) -> refs.add(GitRef.branch(commit.branch())));
		this.codeChanges.tagsAt(org, project, artifact.commitSha()).forEach((tag) -> refs.add(GitRef.tag(tag)));
		if (refs.isEmpty()) {
			return;
		}
		Map<Environment, AutoDeployRule> following = following(org, project, rules);
		following.forEach((environment, rule) -> refs.stream()
			.filter((ref) -> rule.follows(environment, ref))
			.findFirst()
			.ifPresent((ref) -> trigger(org, project, environment, rule, artifact, ref, null)));
	}

	@Override
	public void moved(OrgId org, ProjectId project, String projectSlug, GitRef ref, String sha,
			@Nullable String pushedBy) {
		if (ref.kind() == GitRef.Kind.BRANCH) {
			// first, so that a new branch's environment (and its rule) exists for this
			// push
			this.branches.pushed(org, project, ref.name(), pushedBy);
		}
		List<AutoDeployRule> rules = this.rules.ofProject(org, project);
		if (rules.isEmpty()) {
			return;
		}
		List<Artifact> builds = this.artifacts.builtFrom(org, project, sha);
		if (builds.isEmpty()) {
			return;
		}
		// several builds of one commit: the newest is the one to run
		Artifact artifact = builds.get(builds.size() - 1);
		following(org, project, rules).forEach((environment, rule) -> {
			if (rule.follows(environment, ref)) {
				trigger(org, project, environment, rule, artifact, ref, pushedBy);
			}
		});
	}

	@Override
	public void deleted(OrgId org, ProjectId project, String projectSlug, GitRef ref) {
		if (ref.kind() == GitRef.Kind.BRANCH) {
			this.branches.deleted(org, project, ref.name());
		}
	}

	private Map<Environment, AutoDeployRule> following(OrgId org, ProjectId project, List<AutoDeployRule> rules) {
		Map<Environment, AutoDeployRule> following = new LinkedHashMap<>();
		for (Environment environment : this.environments.list(org, project)) {
			rules.stream()
				.filter((rule) -> rule.environment().equals(environment.id()))
				.findFirst()
				.ifPresent((rule) -> following.put(environment, rule));
		}
		return following;
	}

	private void trigger(OrgId org, ProjectId projectId, Environment environment, AutoDeployRule rule,
			Artifact artifact, GitRef ref, @Nullable String pushedBy) {
		if (!this.rules.claim(org, environment.id(), artifact.id(), ref.toString(), this.clock.instant())) {
			return;
		}
		Project project = this.projects.findById(org, projectId)
			.orElseThrow(() -> new IllegalStateException("Project " + projectId + " vanished"));
		DeploymentPlace place = new DeploymentPlace(project, environment);
		Actor actor = Actor.system(ACTOR);
		Map<String, @Nullable Object> trigger = new LinkedHashMap<>();
		trigger.put("automatic", true);
		trigger.put("trigger", ref.toString());
		trigger.put("commitSha", artifact.commitSha());
		trigger.put("pushedBy", pushedBy);
		trigger.put("ruleBy", rule.updatedByName());
		String note = "Deployed automatically: " + artifact.version() + " from " + ref
				+ ((pushedBy != null) ? ", pushed by " + pushedBy : "") + ".";
		try {
			Deployment deployment = this.requests.requestAutomatically(org, place, artifact, rule.whenBlocked(),
					new RequestDeployment.Requester(actor, rule.updatedBy(),
							ACTOR + " (set by " + rule.updatedByName() + ")"),
					note, trigger);
			this.rules.settle(org,
					new AutomaticDeployment(environment.id(), artifact.id(), artifact.version(), ref.toString(),
							pushedBy, AutomaticDeployment.Outcome.REQUESTED, requested(deployment), deployment.id(),
							this.clock.instant()));
		}
		catch (ValidationException refused) {
			String why = refused.errors()
				.stream()
				.findFirst()
				.map((error) -> error.message())
				.orElse(String.valueOf(refused.getMessage()));
			this.rules.settle(org, new AutomaticDeployment(environment.id(), artifact.id(), artifact.version(),
					ref.toString(), pushedBy, AutomaticDeployment.Outcome.REFUSED, why, null, this.clock.instant()));
			AuditEntry.Builder entry = AuditEntry
				.of("deployment.automatic_refused", "environment", environment.id().toString())
				.project(project.slug())
				.environment(environment.name())
				.detail("artifact", artifact.version())
				.detail("trigger", ref.toString())
				.detail("commitSha", artifact.commitSha())
				.detail("pushedBy", pushedBy)
				.detail("reason", why);
			this.auditLog.append(org, actor, entry.build());
			this.notices.automaticRefused(org, place, artifact.version(), ref.toString(), why);
		}
	}

	private static String requested(Deployment deployment) {
		return switch (deployment.status()) {
			case AWAITING_APPROVAL -> "Requested; awaits " + deployment.approvalsRequired() + " approval"
					+ ((deployment.approvalsRequired() == 1) ? "" : "s") + ".";
			case WAITING_FOR_WINDOW -> "Requested; waits for the window to open.";
			default -> "Requested; deploys as soon as allowed.";
		};
	}

}
