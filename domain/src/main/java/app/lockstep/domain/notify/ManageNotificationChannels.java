package app.lockstep.domain.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * Adds, changes, removes and tests an organization's notification channels (owners and
 * admins), and shows them with the delivery log (every member). A Slack or Teams URL, or
 * a webhook's signing secret, is sealed at once and never shown, logged or audited again.
 */
@UseCase
public final class ManageNotificationChannels {

	/** The delivery log's length on the settings page. */
	public static final int LOG_LENGTH = 50;

	private static final Pattern SECRET = Pattern.compile("^[\\x21-\\x7E]{16,200}$");

	private static final int MAX_RECIPIENTS = 20;

	private final NotificationChannels channels;

	private final NotificationDeliveries deliveries;

	private final ChannelSecrets secrets;

	private final Projects projects;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public ManageNotificationChannels(NotificationChannels channels, NotificationDeliveries deliveries,
			ChannelSecrets secrets, Projects projects, AuditLog auditLog, Transactions transactions, Clock clock) {
		this.channels = channels;
		this.deliveries = deliveries;
		this.secrets = secrets;
		this.projects = projects;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What a new channel is: its events as keys, its recipients one string. */
	public record NewChannel(@Nullable String kind, @Nullable String name, @Nullable String project,
			@Nullable String url, @Nullable String secret, @Nullable String recipients,
			@Nullable Collection<String> events) {
	}

	/** What can change on a channel. */
	public record Change(@Nullable String name, @Nullable Collection<String> events, @Nullable Boolean enabled) {
	}

	/** The channels and the latest deliveries. */
	public record Overview(List<NotificationChannel> channels, List<NotificationDeliveries.Entry> log) {
	}

	public Overview overview(Caller caller, @Nullable UUID channel) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> new Overview(this.channels.list(caller.orgId()),
				this.deliveries.recent(caller.orgId(), channel, LOG_LENGTH)));
	}

	public NotificationChannel view(Caller caller, UUID id) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> find(caller.orgId(), id));
	}

	public NotificationChannel add(Caller caller, NewChannel input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			Validation validation = new Validation();
			ChannelKind kind = null;
			String kindText = trimToNull(input.kind());
			if (kindText == null) {
				validation.add("kind", "Choose where notices go: slack, teams, webhook or email.");
			}
			else {
				kind = ChannelKind.fromKey(kindText).orElse(null);
				validation.check(kind != null, "kind",
						"Choose slack, teams, webhook or email (not \"" + kindText + "\").");
			}
			String name = trimToNull(input.name());
			validation.required("name", name, "a name for the channel, such as #deploys", 80);
			Project project = null;
			String projectSlug = trimToNull(input.project());
			if (projectSlug != null) {
				project = this.projects.findBySlug(org, projectSlug).orElse(null);
				validation.check(project != null, "project", "There is no project \"" + projectSlug + "\".");
			}
			Set<NotificationEvent> events = events(validation, input.events());
			UUID id = UUID.randomUUID();
			String url = trimToNull(input.url());
			String secret = trimToNull(input.secret());
			List<String> recipients = List.of();
			SealedSecret sealed = null;
			String display = "";
			if (kind == ChannelKind.SLACK || kind == ChannelKind.TEAMS) {
				String example = (kind == ChannelKind.SLACK) ? "https://hooks.slack.com/services/…"
						: "the URL of the channel's Workflows webhook";
				if (url == null) {
					validation.add("url", "Paste the incoming webhook URL (" + example + ").");
				}
				else if (!Validation.isWebAddress(url)) {
					validation.add("url", "\"" + shorten(url) + "\" is not an http(s) URL.");
				}
				else {
					// The whole URL is the credential: only its host is ever shown.
					sealed = this.secrets.seal(org, id, url);
					display = URI.create(url).getHost() + "/…";
					url = null;
				}
			}
			else if (kind == ChannelKind.WEBHOOK) {
				if (url == null) {
					validation.add("url", "Enter the receiver's URL, such as https://example.com/hooks/lockstep.");
				}
				else if (!Validation.isWebAddress(url)) {
					validation.add("url", "\"" + shorten(url) + "\" is not an http(s) URL.");
				}
				else {
					display = url;
				}
				if (secret == null) {
					validation.add("secret", "Enter a signing secret: Lockstep signs each notice with it.");
				}
				else if (!SECRET.matcher(secret).matches()) {
					validation.add("secret", "Use 16 to 200 visible characters (no spaces) for the signing secret.");
				}
				else {
					sealed = this.secrets.seal(org, id, secret);
				}
			}
			else if (kind == ChannelKind.EMAIL) {
				recipients = recipients(validation, input.recipients());
				display = String.join(", ", recipients);
			}
			validation.throwIfInvalid();
			Instant now = this.clock.instant();
			NotificationChannel channel = new NotificationChannel(id, (project != null) ? project.id() : null,
					projectSlug, Objects.requireNonNull(kind), Objects.requireNonNull(name), display, url, sealed,
					recipients, events, true, now, caller.name());
			this.channels.insert(org, channel);
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("notification_channel.added", "notification_channel", id.toString())
						.project(projectSlug)
						.changes(Map.of(), describe(channel))
						.build());
			return channel;
		});
	}

	public NotificationChannel change(Caller caller, UUID id, Change input) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			NotificationChannel before = find(org, id);
			Validation validation = new Validation();
			String name = (input.name() != null) ? trimToNull(input.name()) : before.name();
			validation.required("name", name, "a name for the channel", 80);
			Set<NotificationEvent> events = (input.events() != null) ? events(validation, input.events())
					: before.events();
			boolean enabled = (input.enabled() != null) ? input.enabled() : before.enabled();
			validation.throwIfInvalid();
			NotificationChannel after = before.with(Objects.requireNonNull(name), events, enabled);
			this.channels.update(org, after);
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("notification_channel.updated", "notification_channel", id.toString())
						.project(before.projectSlug())
						.changes(describe(before), describe(after))
						.build());
			return after;
		});
	}

	/** Removes the channel with its log; what it was. */
	public NotificationChannel remove(Caller caller, UUID id) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			NotificationChannel channel = find(org, id);
			this.channels.delete(org, id);
			this.auditLog.append(org, caller.actor(),
					AuditEntry.of("notification_channel.removed", "notification_channel", id.toString())
						.project(channel.projectSlug())
						.changes(describe(channel), Map.of())
						.build());
			return channel;
		});
	}

	/** Enqueues a test notice for the channel (sent like any other, within seconds). */
	public void sendTest(Caller caller, UUID id) {
		caller.require(Permission.MANAGE_POLICIES);
		OrgId org = caller.orgId();
		this.transactions.inTenant(org, () -> {
			NotificationChannel channel = find(org, id);
			Notice notice = new Notice(NotificationEvent.TEST, "Test notice for " + channel.name(),
					caller.name() + " sent this test notice from Lockstep's notification settings.", "notifications",
					channel.projectSlug(), null);
			this.deliveries.enqueue(org, UUID.randomUUID(), id, notice, null, this.clock.instant());
			return null;
		});
	}

	private NotificationChannel find(OrgId org, UUID id) {
		return this.channels.find(org, id).orElseThrow(() -> new NotFoundException("No such notification channel."));
	}

	private static Set<NotificationEvent> events(Validation validation, @Nullable Collection<String> keys) {
		Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
		List<String> unknown = new ArrayList<>();
		if (keys != null) {
			for (String key : keys) {
				if (key == null || key.isBlank()) {
					continue;
				}
				NotificationEvent event = NotificationEvent.fromKey(key).orElse(null);
				if (event == null || event == NotificationEvent.TEST) {
					unknown.add(key);
				}
				else {
					events.add(event);
				}
			}
		}
		if (!unknown.isEmpty()) {
			validation.add("events", "Unknown event "
					+ String.join(", ", unknown.stream().map(ManageNotificationChannels::shorten).toList())
					+ "; choose from "
					+ String.join(", ", NotificationEvent.choosable().stream().map(NotificationEvent::key).toList())
					+ ".");
		}
		else if (events.isEmpty()) {
			validation.add("events", "Choose at least one event to be told about.");
		}
		return events;
	}

	private static List<String> recipients(Validation validation, @Nullable String text) {
		List<String> recipients = new ArrayList<>();
		if (text != null) {
			for (String part : text.split("[,;\\s]+")) {
				if (!part.isBlank() && !recipients.contains(part.strip())) {
					recipients.add(part.strip());
				}
			}
		}
		if (recipients.isEmpty()) {
			validation.add("recipients", "Enter at least one email address.");
			return recipients;
		}
		if (recipients.size() > MAX_RECIPIENTS) {
			validation.add("recipients", "Enter at most " + MAX_RECIPIENTS + " addresses (use a mailing list).");
		}
		for (String recipient : recipients) {
			Validation one = new Validation().email("recipients", recipient);
			if (one.hasErrors()) {
				validation.add("recipients", "\"" + shorten(recipient) + "\" does not look like an email address.");
			}
		}
		return recipients;
	}

	static Map<String, @Nullable Object> describe(NotificationChannel channel) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("kind", channel.kind().key());
		fields.put("name", channel.name());
		fields.put("project", channel.projectSlug());
		fields.put("address", channel.display());
		fields.put("events", channel.events().stream().sorted().map(NotificationEvent::key).toList());
		fields.put("enabled", channel.enabled());
		return fields;
	}

	private static String shorten(String value) {
		return (value.length() > 60) ? value.substring(0, 60) + "…" : value;
	}

	private static @Nullable String trimToNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
