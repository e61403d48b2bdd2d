package app.lockstep.domain.code;

import java.util.List;

import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * What the project settings page shows: the webhook (if set up) with its secret in clear,
 * and the newest deliveries. As it reveals the secret, it needs the permission to edit
 * projects, like changing the secret does.
 */
@UseCase
public final class ViewWebhook {

	public static final int DELIVERIES_SHOWN = 20;

	private final Webhooks webhooks;

	private final Projects projects;

	private final WebhookSecrets secrets;

	private final Transactions transactions;

	public ViewWebhook(Webhooks webhooks, Projects projects, WebhookSecrets secrets, Transactions transactions) {
		this.webhooks = webhooks;
		this.projects = projects;
		this.secrets = secrets;
		this.transactions = transactions;
	}

	/**
	 * The project, its webhook and secret (both null before it is set up), the newest
	 * deliveries.
	 */
	public record Settings(Project project, @Nullable Webhook webhook, @Nullable String secret,
			List<WebhookDelivery> deliveries) {

		@Override
		public String toString() {
			return "Settings[project=" + this.project.slug() + ", deliveries=" + this.deliveries.size() + "]";
		}

	}

	public Settings settings(Caller caller, String projectSlug) {
		caller.require(Permission.EDIT_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			Project project = this.projects.findBySlug(caller.orgId(), projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \"" + projectSlug + "\"."));
			Webhook webhook = this.webhooks.find(caller.orgId(), project.id()).orElse(null);
			String secret = (webhook != null) ? this.secrets.open(caller.orgId(), project.id(), webhook.secret())
					: null;
			return new Settings(project, webhook, secret,
					this.webhooks.deliveries(caller.orgId(), project.id(), DELIVERIES_SHOWN));
		});
	}

}
