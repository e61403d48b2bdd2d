package app.lockstep.web.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import app.lockstep.domain.notify.NotificationSender;
import app.lockstep.web.shared.HmacSignature;
import app.lockstep.web.shared.PublicUrl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a notice to its channel: a JSON POST to Slack, Teams or a signed webhook
 * ({@code X-Lockstep-Signature: sha256=<hex HMAC-SHA256 of the body>},
 * {@code X-Lockstep-Delivery} the same on every retry, {@code X-Lockstep-Event:
 * notification.<event>}), or an email through the configured SMTP server. 2xx is
 * delivered; network errors, time-outs, 5xx, 429 and 408 are worth another try; other
 * answers are refused for good. Redirects are not followed.
 */
@Component
class ChannelSender implements NotificationSender {

	static final String SIGNATURE = "X-Lockstep-Signature";

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final PublicUrl publicUrl;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final Duration timeout;

	ChannelSender(PublicUrl publicUrl, ObjectProvider<JavaMailSender> mail,
			@Value("${lockstep.mail.from:lockstep@localhost}") String from,
			@Value("${lockstep.notifications.timeout:10s}") Duration timeout) {
		this.publicUrl = publicUrl;
		this.mail = mail;
		this.from = from;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	@Override
	public Result send(Destination destination, Envelope envelope) {
		String link = link(envelope);
		return switch (destination.kind()) {
			case SLACK -> post(Objects.requireNonNull(destination.secret()), ChannelMessages.slack(envelope, link),
					null, envelope);
			case TEAMS -> post(Objects.requireNonNull(destination.secret()), ChannelMessages.teams(envelope, link),
					null, envelope);
			case WEBHOOK -> post(Objects.requireNonNull(destination.url()), ChannelMessages.webhook(envelope, link),
					destination.secret(), envelope);
			case EMAIL -> email(destination, envelope, link);
		};
	}

	private @Nullable String link(Envelope envelope) {
		String path = envelope.notice().link();
		return (path != null) ? this.publicUrl.of("/orgs/" + envelope.organization() + "/" + path) : null;
	}

	private Result post(String url, Object message, @Nullable String secret, Envelope envelope) {
		byte[] body = this.json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Lockstep-Notifications/1")
			.header("X-Lockstep-Event", "notification." + envelope.notice().event().key())
			.header("X-Lockstep-Delivery", envelope.deliveryId().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null) {
			request.header(SIGNATURE, HmacSignature.sha256(secret, body));
		}
		String who = hostOf(url);
		try {
			HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return Result.delivered(who + " answered " + status);
			}
			if (status >= 500 || status == 429 || status == 408) {
				return Result.retry(who + " answered " + status);
			}
			return Result.refused(who + " answered " + status);
		}
		catch (IOException ex) {
			return Result.retry(who + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " (" + ex.getMessage() + ")" : " (no answer)"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Result.retry("interrupted while waiting for " + who);
		}
	}

	private Result email(Destination destination, Envelope envelope, @Nullable String link) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Result.refused("no SMTP server is configured (spring.mail.host)");
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(destination.recipients().toArray(String[]::new));
		message.setSubject("[Lockstep] " + envelope.notice().subject());
		message.setText(envelope.notice().body() + ((link != null) ? "\n\n" + link : "") + "\n\n-- \n"
				+ "Sent by Lockstep's notification settings of " + envelope.organization() + ".");
		try {
			sender.send(message);
			return Result.delivered("sent to " + destination.recipients().size() + " recipient"
					+ ((destination.recipients().size() == 1) ? "" : "s"));
		}
		catch (MailException ex) {
			return Result.retry("the mail server refused: " + ex.getClass().getSimpleName());
		}
	}

	/** Only the host is named in the log: a Slack or Teams URL is a credential. */
	private static String hostOf(String url) {
		String host = URI.create(url).getHost();
		return (host != null) ? host : "the receiver";
	}

}
