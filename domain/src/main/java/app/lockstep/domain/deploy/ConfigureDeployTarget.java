package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Reads and replaces an environment's deploy target: {@code manual} (the default) or a
 * {@code webhook} with an http(s) URL and a signing secret (16 to 200 visible characters;
 * kept when left out while the target stays a webhook). The secret is sealed at rest and
 * never shown again, logged or put in the audit event.
 */
@UseCase
public final class ConfigureDeployTarget {

	private static final Pattern SECRET = Pattern.compile("^[\\x21-\\x7E]{16,200}$");

	private final DeploymentPlaces places;

	private final DeployTargets targets;

	private final DeployTargetSecrets secrets;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ConfigureDeployTarget(DeploymentPlaces places, DeployTargets targets, DeployTargetSecrets secrets,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		this.places = places;
		this.targets = targets;
		this.secrets = secrets;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Input(@Nullable String type, @Nullable String url, @Nullable String secret,
			@Nullable Integer timeoutMinutes) {
	}

	public DeployTarget view(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			DeploymentPlace place = this.places.place(caller.orgId(), projectSlug, environmentName);
			return this.targets.of(caller.orgId(), place.environment().id());
		});
	}

	public DeployTarget update(Caller caller, String projectSlug, String environmentName, Input input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		Instant now = this.clock.instant();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			DeployTarget before = this.targets.of(org, place.environment().id());
			Validation validation = new Validation();
			String typeText = RequestDeployment.trimToNull(input.type());
			DeployTarget.Type type = null;
			if ("webhook".equalsIgnoreCase(typeText)) {
				type = DeployTarget.Type.WEBHOOK;
			}
			else if (typeText == null || "manual".equalsIgnoreCase(typeText)) {
				type = DeployTarget.Type.MANUAL;
			}
			else {
				validation.add("type", "Choose \"webhook\" or \"manual\" (not \"" + typeText + "\").");
			}
			Integer timeout = (input.timeoutMinutes() != null) ? input.timeoutMinutes()
					: DeployTarget.DEFAULT_TIMEOUT_MINUTES;
			validation.check(timeout >= 1 && timeout <= 1440, "timeoutMinutes",
					"Allow a deployment between 1 and 1440 minutes to finish.");
			String url = RequestDeployment.trimToNull(input.url());
			String secret = RequestDeployment.trimToNull(input.secret());
			SealedSecret sealed = null;
			if (type == DeployTarget.Type.WEBHOOK) {
				if (url == null) {
					validation.add("url",
							"Enter the deployer's URL, such as https://deployer.example.com/hooks/lockstep.");
				}
				else if (!ReportDeploymentStatus.isWebAddress(url)) {
					validation.add("url", "\"" + url + "\" is not an http(s) URL.");
				}
				if (secret != null) {
					if (!SECRET.matcher(secret).matches()) {
						validation.add("secret",
								"Use 16 to 200 visible characters (no spaces) for the signing secret.");
					}
					else {
						sealed = this.secrets.seal(org, place.environment().id(), secret);
					}
				}
				else if (before.type() == DeployTarget.Type.WEBHOOK && before.secret() != null) {
					sealed = before.secret();
				}
				else {
					validation.add("secret", "Enter a signing secret: Lockstep signs each delivery with it.");
				}
			}
			validation.throwIfInvalid();
			DeployTarget target = (type == DeployTarget.Type.WEBHOOK)
					? new DeployTarget(type, url, sealed, timeout, now, caller.name())
					: new DeployTarget(DeployTarget.Type.MANUAL, null, null, timeout, now, caller.name());
			this.targets.save(org, place.environment().id(), target);
			boolean secretChanged = secret != null;
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("deploy_target.updated", "environment", place.environment().id().toString())
						.project(place.projectSlug())
						.environment(place.environmentName())
						.changes(describe(before), describe(target))
						.detail("secretChanged", secretChanged)
						.build());
			return target;
		});
	}

	static Map<String, @Nullable Object> describe(DeployTarget target) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("type", target.type().name().toLowerCase(Locale.ROOT));
		fields.put("url", target.url());
		fields.put("timeoutMinutes", target.timeoutMinutes());
		return fields;
	}

}
