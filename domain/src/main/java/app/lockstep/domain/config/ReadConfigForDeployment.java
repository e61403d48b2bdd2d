package app.lockstep.domain.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.domain.tenancy.Permission;
import org.jspecify.annotations.Nullable;

/**
 * The deployer's read: the effective config with sensitive values decrypted. Every read
 * that reveals secrets is an audit event (who, which environment, which revision; never
 * the values).
 */
public final class ReadConfigForDeployment {

	private final ViewConfig view;

	private final Projects projects;

	private final Environments environments;

	private final ConfigRevisions revisions;

	private final SecretSealing sealing;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public ReadConfigForDeployment(Projects projects, Environments environments, ConfigRevisions revisions,
			SecretSealing sealing, AuditLog auditLog, Transactions transactions) {
		this.view = new ViewConfig(projects, environments, revisions, transactions);
		this.projects = projects;
		this.environments = environments;
		this.revisions = revisions;
		this.sealing = sealing;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public record Resolved(Version version, String infrastructure, Map<String, String> variables,
			Map<String, Visibility> visibility, boolean revealedSecrets) {
	}

	/**
	 * Which revisions make up an effective config: the environment's and the project's
	 * shared one.
	 */
	public record Version(int revision, int projectRevision) {

		/** A strong entity tag: equal exactly when the effective config is equal. */
		public String etag(String representation) {
			return "\"r" + this.revision + "-p" + this.projectRevision + "-" + representation + "\"";
		}

	}

	/**
	 * The version only, two small queries and no decryption: the cheap path for
	 * If-None-Match.
	 */
	public Version version(Caller caller, String projectSlug, String environmentName, @Nullable Integer number) {
		caller.require(Permission.READ_SECRETS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			ConfigTarget target = ConfigTarget.resolve(this.projects, this.environments, caller.orgId(), projectSlug,
					environmentName);
			int revision = (number != null) ? number : this.revisions.latestNumber(caller.orgId(), target.scope());
			return new Version(revision,
					this.revisions.latestNumber(caller.orgId(), new ConfigScope(target.project().id(), null)));
		});
	}

	public Resolved read(Caller caller, String projectSlug, String environmentName, @Nullable Integer number) {
		caller.require(Permission.READ_SECRETS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			ConfigTarget target = ConfigTarget.resolve(this.projects, this.environments, caller.orgId(), projectSlug,
					environmentName);
			EffectiveConfig config = this.view.effective(caller, target, Optional.ofNullable(number));
			Map<String, String> values = new LinkedHashMap<>();
			Map<String, Visibility> visibility = new LinkedHashMap<>();
			boolean secrets = false;
			for (EffectiveVariable variable : config.variables()) {
				values.put(variable.name(), this.sealing.reveal(caller.orgId(), variable.stored()));
				visibility.put(variable.name(), variable.visibility());
				secrets |= variable.sensitive();
			}
			if (secrets) {
				Actor actor = caller.actor();
				this.auditLog.append(caller.orgId(), actor,
						AuditEntry.of("config.secrets_read", "environment", target.environment().id().toString())
							.project(target.project().slug())
							.environment(target.environmentName())
							.detail("revision", config.revisionNumber())
							.detail("sensitiveVariables",
									config.variables()
										.stream()
										.filter(EffectiveVariable::sensitive)
										.map(EffectiveVariable::name)
										.toList())
							.build());
			}
			Version version = new Version(config.revisionNumber(),
					(config.projectRevision() != null) ? config.projectRevision().number() : 0);
			return new Resolved(version, config.infrastructure(), values, visibility, secrets);
		});
	}

}
