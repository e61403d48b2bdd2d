package app.lockstep.domain.code;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;

/** Projects' push webhooks and the deliveries that reached them. */
public interface Webhooks {

	/** How many deliveries are kept per project (the newest). */
	int KEEP_DELIVERIES = 100;

	/**
	 * Whose hook this is (needs a unit of work bound to that hook id, see
	 * {@link app.lockstep.domain.shared.Transactions#forWebhook}).
	 */
	Optional<WebhookTarget> findByHookId(String hookId);

	Optional<Webhook> find(OrgId org, ProjectId project);

	/** Inserts the project's webhook, or replaces its secret (the hook id stays). */
	void save(OrgId org, Webhook webhook);

	/**
	 * Records a delivery and forgets the project's deliveries beyond the newest
	 * {@link #KEEP_DELIVERIES}.
	 */
	void addDelivery(OrgId org, WebhookDelivery delivery);

	/** The newest deliveries first. */
	List<WebhookDelivery> deliveries(OrgId org, ProjectId project, int limit);

}
