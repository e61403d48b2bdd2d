package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.CloneConfig;
import app.lockstep.domain.project.BranchPattern;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Environments per branch, inside the unit of work of the push that moves them.
 * <ul>
 * <li>A push to a new branch matching the project's {@link BranchRule} creates a
 * development environment named after the branch ({@code feature/login} becomes
 * {@code feature-login}), fed by exactly that branch, in the parent's time zone, its
 * config cloned from the parent's latest revision (recorded as such), deploying that
 * branch's builds automatically (queued outside windows). Past the rule's limit of active
 * ones it is refused and audited instead.</li>
 * <li>A push to the branch of an active one records the push.</li>
 * <li>A deleted branch deactivates its environment, as does the rule's idle time without
 * a push (checked on every push to the project and hourly): it stops deploying, leaves
 * the release board and keeps its history; a later push of the branch creates a new
 * one.</li>
 * </ul>
 */
@UseCase
public final class BranchEnvironmentLifecycle {

	/** The name the audit trail gives what the rule does. */
	public static final String ACTOR = "Branch environments";

	private static final int MAX_NAME = 40;

	private final BranchEnvironments branches;

	private final AutoDeployRules autoDeploys;

	private final Projects projects;

	private final Environments environments;

	private final CloneConfig cloneConfig;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public BranchEnvironmentLifecycle(BranchEnvironments branches, AutoDeployRules autoDeploys, Projects projects,
			Environments environments, CloneConfig cloneConfig, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		this.branches = branches;
		this.autoDeploys = autoDeploys;
		this.projects = projects;
		this.environments = environments;
		this.cloneConfig = cloneConfig;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A push moved {@code branch}: create its environment, or record the push. */
	public void pushed(OrgId org, ProjectId projectId, String branch, @Nullable String pushedBy) {
		BranchRule rule = this.branches.rule(org, projectId).orElse(null);
		List<BranchEnvironment> all = this.branches.ofProject(org, projectId);
		if (rule == null && all.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		BranchEnvironment existing = all.stream()
			.filter((b) -> b.active() && b.branch().equals(branch))
			.findFirst()
			.orElse(null);
		if (existing != null) {
			this.branches.touch(org, existing.environment(), now);
			return;
		}
		if (rule == null) {
			return;
		}
		Project project = this.projects.findById(org, projectId)
			.orElseThrow(() -> new IllegalStateException("Project " + projectId + " vanished"));
		int active = (int) all.stream().filter(BranchEnvironment::active).count()
				- deactivateIdle(org, project, all, rule, now);
		if (!BranchPattern.of(rule.pattern()).matches(branch)) {
			return;
		}
		if (active >= rule.maxActive()) {
			this.auditLog.append(org, Actor.system(ACTOR),
					AuditEntry.of("environment.branch_refused", "project", project.id().toString())
						.project(project.slug())
						.detail("branch", branch)
						.detail("pushedBy", pushedBy)
						.detail("reason",
								"The project already has " + active + " active branch environments, its"
										+ " limit; deactivate one (delete its branch) or raise the limit.")
						.build());
			return;
		}
		create(org, project, rule, branch, pushedBy, now);
	}

	/** A push deleted {@code branch}: deactivate its environment. */
	public void deleted(OrgId org, ProjectId projectId, String branch) {
		this.branches.ofProject(org, projectId)
			.stream()
			.filter((b) -> b.active() && b.branch().equals(branch))
			.findFirst()
			.ifPresent((b) -> this.projects.findById(org, projectId)
				.ifPresent((project) -> deactivate(org, project, b, "The branch " + branch + " was deleted.",
						this.clock.instant())));
	}

	/**
	 * Deactivates every organization's branch environments idle past their rule (the
	 * hourly sweep); how many.
	 */
	public int sweepIdle() {
		Instant now = this.clock.instant();
		int count = 0;
		for (OrgId org : this.transactions.forScheduler(() -> this.branches.organizationsWithIdle(now, 1_000))) {
			count += this.transactions.inTenant(org, () -> {
				int done = 0;
				for (BranchEnvironment idle : this.branches.idle(org, now)) {
					Project project = this.projects.findById(org, idle.project()).orElse(null);
					BranchRule rule = this.branches.rule(org, idle.project()).orElse(null);
					if (project != null && rule != null) {
						deactivate(org, project, idle, idleReason(rule), now);
						done++;
					}
				}
				return done;
			});
		}
		return count;
	}

	private int deactivateIdle(OrgId org, Project project, List<BranchEnvironment> all, BranchRule rule, Instant now) {
		Instant cutoff = now.minus(Duration.ofDays(rule.idleDays()));
		int count = 0;
		for (BranchEnvironment branch : all) {
			if (branch.active() && branch.lastPushAt().isBefore(cutoff)) {
				deactivate(org, project, branch, idleReason(rule), now);
				count++;
			}
		}
		return count;
	}

	private static String idleReason(BranchRule rule) {
		return "No push for " + rule.idleDays() + " day" + ((rule.idleDays() == 1) ? "" : "s") + ".";
	}

	private void create(OrgId org, Project project, BranchRule rule, String branch, @Nullable String pushedBy,
			Instant now) {
		Environment parent = this.environments.findById(org, rule.parent()).orElse(null);
		if (parent == null) {
			return;
		}
		List<Environment> current = this.environments.listForUpdate(org, project.id());
		Set<String> names = new HashSet<>();
		int position = 0;
		for (Environment environment : current) {
			names.add(environment.name());
			position = Math.max(position, environment.position());
		}
		Environment environment = new Environment(EnvironmentId.random(), project.id(), nameFor(branch, names),
				Tier.DEVELOPMENT, position + 1, branch, parent.timeZone());
		this.environments.create(org, environment, now);
		Actor actor = Actor.system(ACTOR);
		Integer revision = this.cloneConfig.cloneInto(org, actor, project, parent, environment);
		this.branches.insert(org, new BranchEnvironment(environment.id(), project.id(), branch, parent.id(), revision,
				now, now, null, null));
		this.autoDeploys.save(org, new AutoDeployRule(environment.id(), AutoDeployRule.Source.BRANCH, null,
				WhenBlocked.QUEUE, now, rule.updatedBy(), rule.updatedByName()));
		this.auditLog.append(org, actor,
				AuditEntry.of("environment.branch_created", "environment", environment.id().toString())
					.project(project.slug())
					.environment(environment.name())
					.detail("branch", branch)
					.detail("parent", parent.name())
					.detail("parentRevision", revision)
					.detail("pushedBy", pushedBy)
					.detail("ruleBy", rule.updatedByName())
					.build());
	}

	private void deactivate(OrgId org, Project project, BranchEnvironment branch, String reason, Instant now) {
		this.branches.deactivate(org, branch.environment(), now, reason);
		this.autoDeploys.remove(org, branch.environment());
		String name = this.environments.findById(org, branch.environment()).map(Environment::name).orElse(null);
		this.auditLog.append(org, Actor.system(ACTOR),
				AuditEntry.of("environment.branch_deactivated", "environment", branch.environment().toString())
					.project(project.slug())
					.environment(name)
					.detail("branch", branch.branch())
					.detail("reason", reason)
					.build());
	}

	/**
	 * The environment name for a branch: lowercase letters, digits and single dashes, at
	 * most 40 characters, with -2, -3… when taken (by another environment or an earlier
	 * one of the same branch, whose history is kept).
	 */
	static String nameFor(String branch, Set<String> taken) {
		String base = branch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (base.isEmpty()) {
			base = "branch";
		}
		if (base.length() > MAX_NAME - 4) {
			base = base.substring(0, MAX_NAME - 4).replaceAll("-+$", "");
		}
		String name = base;
		for (int suffix = 2; taken.contains(name); suffix++) {
			name = base + "-" + suffix;
		}
		return name;
	}

}
