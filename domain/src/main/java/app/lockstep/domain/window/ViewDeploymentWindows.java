package app.lockstep.domain.window;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * An environment's deployment windows as its page and the API show them: the rules, the
 * decision now (in words too) and the calendar of the next {@value #STRIP_DAYS} days.
 */
@UseCase
public final class ViewDeploymentWindows {

	public static final int STRIP_DAYS = 14;

	private final Projects projects;

	private final Environments environments;

	private final WindowCheck windowCheck;

	private final Transactions transactions;

	private final Clock clock;

	public ViewDeploymentWindows(Projects projects, Environments environments, WindowCheck windowCheck,
			Transactions transactions, Clock clock) {
		this.projects = projects;
		this.environments = environments;
		this.windowCheck = windowCheck;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What an environment's windows look like now.
	 *
	 * @param now the instant the decision is for, with its words and the strip starting
	 * on its day in the rules' time zone
	 * @param decision whether {@code now} is open
	 * @param summary the decision in words: "Blocked until Mon 00:00 CET: No Friday
	 * deploys"
	 */
	public record Overview(Project project, Environment environment, EffectiveWindows windows, Instant now,
			WindowDecision decision, String summary, List<CalendarDay> days) {

		public WindowRules rules() {
			return this.windows.rules();
		}

	}

	public Overview view(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = project(this.projects, caller.orgId(), projectSlug);
			Environment environment = environment(this.environments, caller.orgId(), project, environmentName);
			return overview(project, environment, this.windowCheck.effective(caller.orgId(), environment),
					this.clock.instant());
		});
	}

	/** Whether an environment is open now, in words: "Open until Fri 00:00 CET". */
	public record Now(boolean open, String summary) {
	}

	/**
	 * The window state now of every environment of these projects, keyed by environment
	 * id (one transaction; no calendar strips).
	 */
	public Map<String, Now> now(Caller caller, List<ProjectWithEnvironments> projects) {
		Map<EnvironmentId, Now> all = now(caller, projects.stream().flatMap((p) -> p.environments().stream()).toList());
		Map<String, Now> states = new LinkedHashMap<>();
		all.forEach((id, state) -> states.put(id.toString(), state));
		return states;
	}

	/**
	 * Whether each of these environments is open now, keyed by environment, in the order
	 * given; their rules are read in two queries whatever their number.
	 */
	public Map<EnvironmentId, Now> now(Caller caller, Collection<Environment> environments) {
		caller.require(Permission.VIEW_PROJECTS);
		Instant now = this.clock.instant();
		return this.transactions.inTenant(caller.orgId(), () -> {
			Map<EnvironmentId, Now> states = new LinkedHashMap<>();
			Map<EnvironmentId, EffectiveWindows> all = this.windowCheck.effective(caller.orgId(), environments);
			for (Environment environment : environments) {
				EffectiveWindows windows = Objects.requireNonNull(all.get(environment.id()),
						"every environment has windows");
				WindowDecision decision = windows.evaluate(now);
				states.put(environment.id(), new Now(decision.open(),
						WindowText.describe(decision, windows.rules().timeZone(), Locale.ENGLISH, now)));
			}
			return states;
		});
	}

	static Overview overview(Project project, Environment environment, EffectiveWindows windows, Instant now) {
		WindowDecision decision = windows.evaluate(now);
		LocalDate today = now.atZone(windows.rules().timeZone()).toLocalDate();
		return new Overview(project, environment, windows, now, decision,
				WindowText.describe(decision, windows.rules().timeZone(), Locale.ENGLISH, now),
				windows.days(today, STRIP_DAYS));
	}

	static Project project(Projects projects, OrgId org, String slug) {
		return projects.findBySlug(org, slug).orElseThrow(() -> new NotFoundException("No project \"" + slug + "\"."));
	}

	static Environment environment(Environments environments, OrgId org, Project project, String name) {
		return environments.findByName(org, project.id(), name)
			.orElseThrow(() -> new NotFoundException("No environment \"" + name + "\" in " + project.slug() + "."));
	}

}
