package app.lockstep.domain.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.lockstep.domain.notify.Notice;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.domain.notify.Notify;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/**
 * Tells the channels listening that a freeze begins within {@link #AHEAD}: an
 * organization's freeze (every production environment) or one environment's. Once per
 * freeze and channel, however often and on however many instances the check runs.
 */
@UseCase
public final class FreezeNotices {

	/** How long before a freeze its notice goes out. */
	public static final Duration AHEAD = Duration.ofHours(24);

	private final DeploymentWindows windows;

	private final Projects projects;

	private final Notify notify;

	private final Transactions transactions;

	private final Clock clock;

	public FreezeNotices(DeploymentWindows windows, Projects projects, Notify notify, Transactions transactions,
			Clock clock) {
		this.windows = windows;
		this.projects = projects;
		this.notify = notify;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Raises the notices now due; how many deliveries were enqueued. */
	public int raise() {
		Instant now = this.clock.instant();
		int enqueued = 0;
		for (OrgId org : this.notify.organizationsListeningTo(NotificationEvent.FREEZE_STARTING)) {
			enqueued += this.transactions.inTenant(org, () -> raise(org, now));
		}
		return enqueued;
	}

	private int raise(OrgId org, Instant now) {
		int count = 0;
		for (OrganizationFreeze frozen : this.windows.organizationFreezes(org)) {
			if (startsSoon(frozen.freeze(), now)) {
				Notice notice = new Notice(NotificationEvent.FREEZE_STARTING,
						"Freeze starting: every production environment", describe(frozen.freeze()), "policies", null,
						null);
				count += this.notify.publish(org, null, notice, "freeze:" + frozen.id());
			}
		}
		var all = this.projects.listWithEnvironments(org);
		Map<EnvironmentId, SavedWindows> saved = this.windows.findAll(org,
				all.stream().flatMap((p) -> p.environments().stream()).map(Environment::id).toList());
		for (ProjectWithEnvironments project : all) {
			for (Environment environment : project.environments()) {
				SavedWindows rules = saved.get(environment.id());
				if (rules == null) {
					continue;
				}
				for (Freeze freeze : rules.rules().freezes()) {
					if (startsSoon(freeze, now)) {
						String where = project.project().slug() + "/" + environment.name();
						Notice notice = new Notice(NotificationEvent.FREEZE_STARTING, "Freeze starting: " + where,
								describe(freeze), "projects/" + project.project().slug() + "/environments/"
										+ environment.name() + "/windows",
								project.project().slug(), environment.name());
						count += this.notify.publish(org, project.project().id(), notice,
								"freeze:" + environment.id() + ":" + freeze.start());
					}
				}
			}
		}
		return count;
	}

	private static boolean startsSoon(Freeze freeze, Instant now) {
		return freeze.start().isAfter(now) && !freeze.start().isAfter(now.plus(AHEAD));
	}

	private static String describe(Freeze freeze) {
		return "No deployments from " + freeze.start() + " until " + freeze.end() + ": " + freeze.reason() + ".";
	}

}
