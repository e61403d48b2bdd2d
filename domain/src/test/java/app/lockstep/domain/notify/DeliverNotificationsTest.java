package app.lockstep.domain.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.testing.AcmeShopOnFakes;
import app.lockstep.domain.testing.Fakes;
import app.lockstep.domain.testing.InMemoryNotifications;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Channels and deliveries on in-memory fakes: who hears what (organization-wide and
 * project channels, events, the switch), the backoff between attempts (30 s, then
 * doubling, 6 in all), refusals that fail at once, a secret that is sealed and opened
 * only to send, and notices raised twice under one key sent once.
 */
class DeliverNotificationsTest {

	private static final String SECRET = "notify-secret-0123456789";

	private final AcmeShopOnFakes world = new AcmeShopOnFakes();

	private final Fakes fakes = this.world.fakes;

	private final InMemoryNotifications store = this.fakes.notifications;

	private final ChannelSecrets secrets = new ChannelSecrets(this.fakes.cipher);

	private final ManageNotificationChannels manage = new ManageNotificationChannels(this.store, this.store,
			this.secrets, this.fakes.projects, this.fakes.auditLog, this.fakes.transactions, this.fakes.clock);

	private final Notify notify = new Notify(this.store, this.store, this.fakes.transactions, this.fakes.clock);

	private final ScriptedSender sender = new ScriptedSender();

	private final DeliverNotifications deliver = new DeliverNotifications(this.store, this.store, this.secrets,
			this.sender, this.fakes.organizations, this.fakes.transactions, this.fakes.clock,
			NotificationSettings.DEFAULT);

	@Test
	void aChannelHearsOnlyItsEventsForItsProjectWhileSwitchedOn() {
		NotificationChannel everywhere = webhook(null, List.of("deployment_failed"));
		NotificationChannel shopOnly = webhook("shop", List.of("deployment_failed", "approval_needed"));

		this.notify.publish(this.world.org, this.world.shop.id(), notice(NotificationEvent.DEPLOYMENT_FAILED));
		this.notify.publish(this.world.org, this.world.shop.id(), notice(NotificationEvent.APPROVAL_NEEDED));
		this.notify.publish(this.world.org, null, notice(NotificationEvent.DEPLOYMENT_FAILED));
		this.notify.publish(this.world.org, this.world.shop.id(), notice(NotificationEvent.DEPLOYMENT_SUCCEEDED));

		assertThat(this.store.all()).extracting((row) -> row.notice().event())
			.containsExactly(NotificationEvent.DEPLOYMENT_FAILED, NotificationEvent.DEPLOYMENT_FAILED,
					NotificationEvent.APPROVAL_NEEDED, NotificationEvent.DEPLOYMENT_FAILED);
		assertThat(this.manage.overview(this.world.admin, everywhere.id()).log()).hasSize(2);
		assertThat(this.manage.overview(this.world.admin, shopOnly.id()).log()).hasSize(2);

		this.manage.change(this.world.admin, shopOnly.id(), new ManageNotificationChannels.Change(null, null, false));
		this.notify.publish(this.world.org, this.world.shop.id(), notice(NotificationEvent.APPROVAL_NEEDED));
		assertThat(this.store.all()).hasSize(4);
	}

	@Test
	void retriesAreSpacedThirtySecondsThenDoublingAndTheSixthFailureIsFinal() {
		webhook(null, List.of("deployment_failed"));
		this.notify.publish(this.world.org, null, notice(NotificationEvent.DEPLOYMENT_FAILED));
		this.sender.answer = (destination) -> NotificationSender.Result.retry("answered 503");
		Instant start = this.fakes.clock.instant();
		List<Duration> gaps = new ArrayList<>();
		Instant last = start;
		for (int attempt = 1; attempt <= 6; attempt++) {
			List<NotificationDeliveries.Due> due = this.deliver.due(10);
			assertThat(due).as("attempt " + attempt).hasSize(1);
			DeliverNotifications.Outcome outcome = this.deliver.send(due.get(0));
			assertThat(outcome)
				.isEqualTo((attempt < 6) ? DeliverNotifications.Outcome.RETRYING : DeliverNotifications.Outcome.FAILED);
			gaps.add(Duration.between(last, this.fakes.clock.instant()));
			last = this.fakes.clock.instant();
			InMemoryNotifications.Row row = this.store.all().get(0);
			if (attempt < 6) {
				assertThat(this.deliver.due(10)).isEmpty();
				this.fakes.clock.set(row.nextAttemptAt);
			}
		}
		assertThat(gaps).containsExactly(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(1),
				Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8));
		InMemoryNotifications.Row row = this.store.all().get(0);
		assertThat(row.status).isEqualTo(NotificationDeliveries.Status.FAILED);
		assertThat(row.attempts).isEqualTo(6);
		assertThat(this.sender.sent).hasSize(6);
	}

	@Test
	void aRefusalFailsAtOnceAndTheSecretIsOpenedOnlyToSend() {
		NotificationChannel channel = webhook(null, List.of("emergency"));
		assertThat(channel.secret()).isNotNull();
		assertThat(channel.toString()).doesNotContain(SECRET);
		this.sender.answer = (destination) -> NotificationSender.Result.refused("answered 410");
		this.notify.publish(this.world.org, null, notice(NotificationEvent.EMERGENCY));

		assertThat(this.deliver.send(this.deliver.due(10).get(0))).isEqualTo(DeliverNotifications.Outcome.FAILED);
		assertThat(this.sender.sent).singleElement().satisfies((destination) -> {
			assertThat(destination.secret()).isEqualTo(SECRET);
			assertThat(destination.toString()).doesNotContain(SECRET);
		});
		assertThat(this.store.all().get(0).attempts).isEqualTo(1);
		assertThat(this.fakes.auditLog.toString()).doesNotContain(SECRET);
	}

	@Test
	void aNoticeRaisedTwiceUnderOneKeyIsSentOnceAndAClaimedOneIsNotSentTwice() {
		webhook(null, List.of("review_due"));
		assertThat(this.notify.publish(this.world.org, null, notice(NotificationEvent.REVIEW_DUE), "review-due:1"))
			.isEqualTo(1);
		assertThat(this.notify.publish(this.world.org, null, notice(NotificationEvent.REVIEW_DUE), "review-due:1"))
			.isZero();
		NotificationDeliveries.Due due = this.deliver.due(10).get(0);
		// Another instance claimed it a moment ago: this one skips it.
		this.store.claim(this.world.org, due.id(), this.fakes.clock.instant(),
				this.fakes.clock.instant().plusSeconds(120));
		assertThat(this.deliver.send(due)).isEqualTo(DeliverNotifications.Outcome.SKIPPED);
		assertThat(this.sender.sent).isEmpty();
		// Its claim lapses (that instance died): sent now, once.
		this.fakes.clock.advance(Duration.ofMinutes(3));
		assertThat(this.deliver.send(this.deliver.due(10).get(0))).isEqualTo(DeliverNotifications.Outcome.DELIVERED);
		assertThat(this.deliver.due(10)).isEmpty();
		assertThat(this.sender.sent).hasSize(1);
	}

	@Test
	void onlyOwnersAndAdminsAddChannels() {
		assertThatThrownBy(() -> this.manage.add(this.world.lead, input(null, List.of("emergency"))))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.manage.add(this.world.dev, input(null, List.of("emergency"))))
			.isInstanceOf(ForbiddenException.class);
		assertThat(this.store.list(this.world.org)).isEmpty();
	}

	private NotificationChannel webhook(String project, List<String> events) {
		return this.manage.add(this.world.admin, input(project, events));
	}

	private static ManageNotificationChannels.NewChannel input(String project, List<String> events) {
		return new ManageNotificationChannels.NewChannel("webhook", "Hook", project, "https://hooks.example.com/x",
				SECRET, null, events);
	}

	private static Notice notice(NotificationEvent event) {
		return new Notice(event, event.label(), "Something happened.", "projects/shop", "shop", null);
	}

	/** Answers as told and remembers where it sent. */
	private static final class ScriptedSender implements NotificationSender {

		Function<Destination, Result> answer = (destination) -> Result.delivered("answered 200");

		final List<Destination> sent = new ArrayList<>();

		@Override
		public Result send(Destination destination, Envelope envelope) {
			this.sent.add(destination);
			return this.answer.apply(destination);
		}

	}

}
