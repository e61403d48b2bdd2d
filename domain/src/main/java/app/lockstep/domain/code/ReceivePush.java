package app.lockstep.domain.code;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Receives a push webhook delivery from GitHub or GitLab. The hook id in the URL finds
 * the project (unknown: 404). The delivery must prove it knows the project's secret
 * (GitHub: an HMAC-SHA256 signature of the raw body; GitLab: the secret as a token), or
 * it is refused unread and nothing is stored (401). An authentic push has its commits
 * ingested like {@link IngestCodeChanges} does (idempotent per sha, one
 * {@code code.pushed} audit event per branch with new commits, the actor being the
 * webhook); a tag push records the tag ({@code code.tagged}); both tell
 * {@link BuildTriggers} where the ref now points, so environments that deploy
 * automatically act on it. Pings, other events and deleted refs are answered and ignored.
 * Every delivery, refused ones included, is recorded with its outcome for the project's
 * settings page.
 */
@UseCase
public final class ReceivePush {

	private final Webhooks webhooks;

	private final WebhookSecrets secrets;

	private final CodeChanges codeChanges;

	private final AuditLog auditLog;

	private final CodeIngestion ingestion;

	private final BuildTriggers triggers;

	private final Transactions transactions;

	private final Clock clock;

	public ReceivePush(Webhooks webhooks, WebhookSecrets secrets, CodeChanges codeChanges, AuditLog auditLog,
			BuildTriggers triggers, Transactions transactions, Clock clock) {
		this.webhooks = webhooks;
		this.secrets = secrets;
		this.codeChanges = codeChanges;
		this.auditLog = auditLog;
		this.ingestion = new CodeIngestion(codeChanges, auditLog);
		this.triggers = triggers;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What reached the hook: the raw body (as signed; read only once the hook is known),
	 * the signature header (GitHub's {@code X-Hub-Signature-256} or GitLab's
	 * {@code X-Gitlab-Token}), the event header, and the sender's address.
	 */
	public record Delivery(Forge forge, String hookId, Payload body, @Nullable String signature, @Nullable String event,
			@Nullable String ip) {

		public Delivery(Forge forge, String hookId, byte[] body, @Nullable String signature, @Nullable String event,
				@Nullable String ip) {
			this(forge, hookId, () -> body, signature, event, ip);
		}

		@Override
		public String toString() {
			return "Delivery[" + this.forge + ", event=" + this.event + "]";
		}

	}

	/**
	 * A delivery's raw body, read only after its hook was found: a delivery to an unknown
	 * hook is refused unread, however large. The reader bounds its size (a body past the
	 * limit fails the read).
	 */
	@FunctionalInterface
	public interface Payload {

		byte[] read();

	}

	/** What became of an accepted or ignored delivery. */
	public record Received(DeliveryOutcome outcome, String detail, int commits, List<String> stored) {
	}

	/**
	 * Throws {@link NotFoundException} for an unknown hook,
	 * {@link InvalidWebhookSignatureException} for a missing or wrong signature and
	 * {@link ValidationException} for an unreadable payload (the last two are recorded as
	 * deliveries).
	 */
	public Received receive(Delivery delivery, PushParser parser) {
		if (!WebhookSecrets.HOOK_ID.matcher(delivery.hookId()).matches()) {
			throw new NotFoundException("No such webhook.");
		}
		WebhookTarget target = this.transactions
			.forWebhook(delivery.hookId(), () -> this.webhooks.findByHookId(delivery.hookId()))
			.orElseThrow(() -> new NotFoundException("No such webhook."));
		// Read outside any transaction: a slow sender holds no database connection.
		byte[] body = delivery.body().read();
		Outcome outcome = this.transactions.inTenant(target.org(), () -> {
			Webhook webhook = this.webhooks.find(target.org(), target.project())
				.orElseThrow(() -> new NotFoundException("No such webhook."));
			Instant now = this.clock.instant();
			String event = (delivery.event() != null) ? delivery.event().strip() : "";
			String secret = this.secrets.open(target.org(), target.project(), webhook.secret());
			String refusal = refusal(delivery, body, secret);
			if (refusal != null) {
				record(target, delivery, now, event, DeliveryOutcome.REJECTED, refusal, 0);
				return new Outcome(DeliveryOutcome.REJECTED, refusal, 0, List.of(), null);
			}
			if (!delivery.forge().isPush(event)) {
				String detail = (delivery.forge() == Forge.GITHUB && event.equals("ping"))
						? "Ping: GitHub reached this hook and signed with the right secret."
						: "The event \"" + event + "\" is not a push; nothing to store.";
				record(target, delivery, now, event, DeliveryOutcome.IGNORED, detail, 0);
				return new Outcome(DeliveryOutcome.IGNORED, detail, 0, List.of(), null);
			}
			Push push;
			List<Commit> commits;
			try {
				push = parser.parse(body);
				GitRef ref = GitRef.parse(push.ref());
				if (ref == null) {
					String detail = "A push to " + push.ref() + ", not to a branch or tag; nothing to store.";
					record(target, delivery, now, event, DeliveryOutcome.IGNORED, detail, push.commits().size());
					return new Outcome(DeliveryOutcome.IGNORED, detail, push.commits().size(), List.of(), null);
				}
				if (ref.kind() == GitRef.Kind.TAG) {
					return tagged(target, webhook, delivery, now, event, ref, push);
				}
				String branch = ref.name();
				if (push.commits().isEmpty()) {
					String after = (push.after() != null) ? push.after().strip().toLowerCase(java.util.Locale.ROOT)
							: "";
					if (push.deletesRef()) {
						this.triggers.deleted(target.org(), target.project(), webhook.projectSlug(), ref);
					}
					else if (Commit.SHA.matcher(after).matches()) {
						// a branch created or moved to commits already known
						this.triggers.moved(target.org(), target.project(), webhook.projectSlug(), ref, after,
								push.pusher());
					}
					String detail = push.deletesRef() ? "The branch " + branch + " was deleted; nothing to store."
							: "A push to " + branch + " without new commits.";
					record(target, delivery, now, event, DeliveryOutcome.IGNORED, detail, 0);
					return new Outcome(DeliveryOutcome.IGNORED, detail, 0, List.of(), null);
				}
				List<CommitInput> inputs = new ArrayList<>();
				for (CommitInput commit : push.commits()) {
					inputs.add(new CommitInput(commit.sha(), branch, commit.author(), commit.message(),
							commit.timestamp(), commit.url()));
				}
				commits = Commit.validate(inputs);
			}
			catch (ValidationException ex) {
				String detail = ex.errors()
					.stream()
					.findFirst()
					.map((error) -> error.field() + ": " + error.message())
					.orElse(ex.getMessage());
				record(target, delivery, now, event, DeliveryOutcome.INVALID, detail, 0);
				return new Outcome(DeliveryOutcome.INVALID, detail, 0, List.of(), ex);
			}
			Map<String, String> extra = new LinkedHashMap<>();
			if (push.pusher() != null && !push.pusher().isBlank()) {
				extra.put("pusher", Commit.clip(push.pusher().strip(), Commit.MAX_AUTHOR));
			}
			List<String> stored = this.ingestion.store(target.org(), target.project(), webhook.projectSlug(), commits,
					delivery.forge().source(), CodeActors.webhook(delivery.forge(), delivery.ip()), now, extra);
			String detail = count(commits.size()) + " on " + commits.get(0).branch() + ", " + stored.size() + " new.";
			record(target, delivery, now, event, DeliveryOutcome.ACCEPTED, detail, commits.size());
			this.triggers.moved(target.org(), target.project(), webhook.projectSlug(),
					GitRef.branch(commits.get(0).branch()), head(push, commits), push.pusher());
			return new Outcome(DeliveryOutcome.ACCEPTED, detail, commits.size(), stored, null);
		});
		return switch (outcome.outcome()) {
			case REJECTED -> throw new InvalidWebhookSignatureException(outcome.detail());
			case INVALID -> throw (outcome.invalid() != null) ? outcome.invalid()
					: new ValidationException("body", outcome.detail());
			default -> new Received(outcome.outcome(), outcome.detail(), outcome.commits(), outcome.stored());
		};
	}

	/**
	 * A tag pushed at a commit: recorded (and audited) once per tag and commit; a deleted
	 * tag changes nothing.
	 */
	private Outcome tagged(WebhookTarget target, Webhook webhook, Delivery delivery, Instant now, String event,
			GitRef tag, Push push) {
		if (push.deletesRef()) {
			String detail = "The tag " + tag.name() + " was deleted; nothing to store.";
			record(target, delivery, now, event, DeliveryOutcome.IGNORED, detail, 0);
			return new Outcome(DeliveryOutcome.IGNORED, detail, 0, List.of(), null);
		}
		String sha = (push.after() != null) ? push.after().strip().toLowerCase(java.util.Locale.ROOT) : "";
		if (!Commit.SHA.matcher(sha).matches()) {
			String detail = "after: a tag push names the commit its tag points at as a full sha.";
			record(target, delivery, now, event, DeliveryOutcome.INVALID, detail, 0);
			return new Outcome(DeliveryOutcome.INVALID, detail, 0, List.of(),
					new ValidationException("after", "A tag push names the commit its tag points at as a full sha."));
		}
		String name = tag.name();
		if (name.length() > Commit.MAX_BRANCH || name.chars().anyMatch(Character::isWhitespace)) {
			String detail = "ref: a tag name without spaces, of " + Commit.MAX_BRANCH + " characters or fewer.";
			record(target, delivery, now, event, DeliveryOutcome.INVALID, detail, 0);
			return new Outcome(DeliveryOutcome.INVALID, detail, 0, List.of(), new ValidationException("ref",
					"Use a tag name without spaces, of " + Commit.MAX_BRANCH + " characters or fewer."));
		}
		boolean added = this.codeChanges.addTag(target.org(), target.project(), name, sha, now);
		if (added) {
			AuditEntry.Builder entry = AuditEntry.of("code.tagged", "tag", name)
				.project(webhook.projectSlug())
				.detail("tag", name)
				.detail("sha", sha)
				.detail("source", delivery.forge().source().value());
			if (push.pusher() != null && !push.pusher().isBlank()) {
				entry.detail("pusher", Commit.clip(push.pusher().strip(), Commit.MAX_AUTHOR));
			}
			this.auditLog.append(target.org(), CodeActors.webhook(delivery.forge(), delivery.ip()), entry.build());
		}
		String detail = "Tag " + name + " at " + sha.substring(0, 7) + (added ? ", new." : ", known already.");
		record(target, delivery, now, event, DeliveryOutcome.ACCEPTED, detail, 0);
		this.triggers.moved(target.org(), target.project(), webhook.projectSlug(), GitRef.tag(name), sha,
				push.pusher());
		return new Outcome(DeliveryOutcome.ACCEPTED, detail, 0, List.of(), null);
	}

	/**
	 * The commit the branch points at after the push: its {@code after}, else the last
	 * commit.
	 */
	private static String head(Push push, List<Commit> commits) {
		String after = (push.after() != null) ? push.after().strip().toLowerCase(java.util.Locale.ROOT) : "";
		for (Commit commit : commits) {
			if (commit.sha().equals(after)) {
				return after;
			}
		}
		return commits.get(commits.size() - 1).sha();
	}

	private record Outcome(DeliveryOutcome outcome, String detail, int commits, List<String> stored,
			@Nullable ValidationException invalid) {
	}

	private static @Nullable String refusal(Delivery delivery, byte[] body, String secret) {
		return switch (delivery.forge()) {
			case GITHUB -> {
				if (delivery.signature() == null || delivery.signature().isBlank()) {
					yield "No X-Hub-Signature-256 header: set the webhook's secret in GitHub.";
				}
				yield WebhookSecrets.githubSignatureMatches(secret, body, delivery.signature()) ? null
						: "The X-Hub-Signature-256 signature does not match this hook's secret.";
			}
			case GITLAB -> {
				if (delivery.signature() == null || delivery.signature().isEmpty()) {
					yield "No X-Gitlab-Token header: set the webhook's secret token in GitLab.";
				}
				yield WebhookSecrets.gitlabTokenMatches(secret, delivery.signature()) ? null
						: "The X-Gitlab-Token does not match this hook's secret.";
			}
		};
	}

	private void record(WebhookTarget target, Delivery delivery, Instant at, String event, DeliveryOutcome outcome,
			String detail, int commits) {
		this.webhooks.addDelivery(target.org(), new WebhookDelivery(UUID.randomUUID(), target.project(), at,
				delivery.forge(), event.isEmpty() ? "(none)" : event, outcome, detail, commits));
	}

	private static String count(int commits) {
		return (commits == 1) ? "1 commit" : commits + " commits";
	}

}
