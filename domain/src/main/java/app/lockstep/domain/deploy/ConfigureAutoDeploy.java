package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * Reads and sets whether an environment deploys automatically, and from what: builds of
 * its branch pattern, or of tags matching a pattern. Setting it needs
 * {@link Permission#MANAGE_POLICIES}; bad input is a 422 naming each field and saves
 * nothing. The setter becomes the requester of what it deploys. The change is an audit
 * event with before and after.
 */
@UseCase
public final class ConfigureAutoDeploy {

	/** How many of the environment's latest automatic triggers the view shows. */
	public static final int RECENT = 10;

	public static final int MAX_PATTERN = 200;

	private final DeploymentPlaces places;

	private final AutoDeployRules rules;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ConfigureAutoDeploy(DeploymentPlaces places, AutoDeployRules rules, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		this.places = places;
		this.rules = rules;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * As typed: {@code enabled}; {@code source} "branch" (default) or "tag";
	 * {@code tagPattern} for tags (such as {@code v*}); {@code whenBlocked} "queue"
	 * (default) or "reject".
	 */
	public record Input(@Nullable Boolean enabled, @Nullable String source, @Nullable String tagPattern,
			@Nullable String whenBlocked) {
	}

	/**
	 * The environment, its rule (null: it deploys only when asked) and its latest
	 * triggers.
	 */
	public record View(Environment environment, @Nullable AutoDeployRule rule, List<AutomaticDeployment> recent) {
	}

	public View view(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			return new View(place.environment(), this.rules.find(org, place.environment().id()).orElse(null),
					this.rules.recent(org, place.environment().id(), RECENT));
		});
	}

	public View update(Caller caller, String projectSlug, String environmentName, Input input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Environment environment = place.environment();
			AutoDeployRule before = this.rules.find(org, environment.id()).orElse(null);
			AutoDeployRule after = null;
			if (Validation.requiredSwitch(input.enabled(), "enabled")) {
				after = rule(caller, environment, input, now);
				this.rules.save(org, after);
			}
			else if (before != null) {
				this.rules.remove(org, environment.id());
			}
			if (before != null || after != null) {
				this.auditLog.append(org, caller.actor(),
						AuditEntry.of("auto_deploy.updated", "environment", environment.id().toString())
							.project(place.projectSlug())
							.environment(place.environmentName())
							.changes(describe(environment, before), describe(environment, after))
							.build());
			}
			return new View(environment, after, this.rules.recent(org, environment.id(), RECENT));
		});
	}

	private static AutoDeployRule rule(Caller caller, Environment environment, Input input, Instant now) {
		Validation validation = new Validation();
		String sourceText = RequestDeployment.trimToNull(input.source());
		AutoDeployRule.Source source = AutoDeployRule.Source.BRANCH;
		if (sourceText != null) {
			switch (sourceText.toLowerCase(Locale.ROOT)) {
				case "branch" -> source = AutoDeployRule.Source.BRANCH;
				case "tag" -> source = AutoDeployRule.Source.TAG;
				default -> validation.add("source",
						"Deploy builds of the environment's branch (\"branch\") or of matching tags (\"tag\"), not \""
								+ sourceText + "\".");
			}
		}
		String tagPattern = RequestDeployment.trimToNull(input.tagPattern());
		if (source == AutoDeployRule.Source.BRANCH) {
			validation.check(environment.branchPattern() != null, "source", environment.name()
					+ " has no branch pattern: set one on the project's environments (such as main), or follow tags.");
			tagPattern = null;
		}
		else {
			validation.check(tagPattern != null, "tagPattern", "Enter the tags to deploy, such as v* or release-*.");
			validation.check(tagPattern == null || (tagPattern.length() <= MAX_PATTERN && !tagPattern.contains(" ")),
					"tagPattern", "A tag pattern is one tag name or glob without spaces, such as v*, " + MAX_PATTERN
							+ " characters or fewer.");
		}
		WhenBlocked whenBlocked = (RequestDeployment.trimToNull(input.whenBlocked()) == null) ? WhenBlocked.QUEUE
				: RequestDeployment.parseWhenBlocked(validation, input.whenBlocked());
		validation.throwIfInvalid();
		return new AutoDeployRule(environment.id(), source, tagPattern, whenBlocked, now, caller.userId(),
				caller.name());
	}

	static Map<String, @Nullable Object> describe(Environment environment, @Nullable AutoDeployRule rule) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("enabled", rule != null);
		if (rule != null) {
			fields.put("source", rule.source().name().toLowerCase(Locale.ROOT));
			fields.put("follows",
					(rule.source() == AutoDeployRule.Source.BRANCH) ? environment.branchPattern() : rule.tagPattern());
			fields.put("whenBlocked", rule.whenBlocked().value());
		}
		return fields;
	}

}
