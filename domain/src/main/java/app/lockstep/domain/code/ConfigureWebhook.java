package app.lockstep.domain.code;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Sets up a project's push webhook, or changes its secret: a new random one
 * ({@link #regenerate}), or one a client chooses ({@link #set}, for automation that
 * configures the forge too). The first time also creates the hook id; later changes keep
 * it, so the hook URLs stay the same and only the forge's secret needs updating. Needs
 * the permission to edit projects, so developers can wire up CI (the same permission the
 * scope {@code code:write} stands for). An audit event ({@code webhook.secret_changed})
 * records who changed it and how, never the secret.
 */
@UseCase
public final class ConfigureWebhook {

	private final Webhooks webhooks;

	private final Projects projects;

	private final WebhookSecrets secrets;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ConfigureWebhook(Webhooks webhooks, Projects projects, WebhookSecrets secrets, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		this.webhooks = webhooks;
		this.projects = projects;
		this.secrets = secrets;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The webhook as saved, its secret in clear, and whether this created it. */
	public record Configured(Webhook webhook, String secret, boolean created) {

		@Override
		public String toString() {
			return "Configured[" + this.webhook + ", created=" + this.created + "]";
		}

	}

	/** A new random secret (and, the first time, the hook id). */
	public Configured regenerate(Caller caller, String projectSlug) {
		caller.require(Permission.EDIT_PROJECTS);
		return save(caller, caller.actor(), projectSlug, WebhookSecrets.newSecret(), "generated");
	}

	/** The secret the client chose (and, the first time, the hook id). */
	public Configured set(Caller caller, String projectSlug, @Nullable String secret) {
		caller.require(Permission.EDIT_PROJECTS);
		if (secret == null || secret.isEmpty()) {
			throw new ValidationException("secret", "Enter the secret, 16 to 200 characters (openssl rand -hex 32).");
		}
		if (!WebhookSecrets.SECRET.matcher(secret).matches()) {
			throw new ValidationException("secret",
					"Use 16 to 200 visible ASCII characters without spaces, for example from openssl rand -hex 32.");
		}
		return save(caller, caller.actor(), projectSlug, secret, "set");
	}

	private Configured save(Caller caller, Actor actor, String projectSlug, String secret, String how) {
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			Optional<Webhook> existing = this.webhooks.find(caller.orgId(), project.id());
			String hookId = existing.map(Webhook::hookId).orElseGet(WebhookSecrets::newHookId);
			Instant now = this.clock.instant();
			Webhook webhook = new Webhook(project.id(), project.slug(), hookId,
					this.secrets.seal(caller.orgId(), project.id(), secret), now, actor.name());
			this.webhooks.save(caller.orgId(), webhook);
			this.auditLog.append(caller.orgId(), actor,
					AuditEntry.of("webhook.secret_changed", "project", project.id().toString())
						.project(project.slug())
						.detail("how", how)
						.detail("hookCreated", existing.isEmpty())
						.build());
			return new Configured(webhook, secret, existing.isEmpty());
		});
	}

}
