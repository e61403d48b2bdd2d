package app.lockstep.web.code.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import app.lockstep.domain.code.DeliveryOutcome;
import app.lockstep.domain.code.Forge;
import app.lockstep.domain.code.InvalidWebhookSignatureException;
import app.lockstep.domain.code.PushParser;
import app.lockstep.domain.code.ReceivePush;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.web.ops.LockstepMeters;
import app.lockstep.web.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public push webhooks, one URL per project and forge. No session, no token, no CSRF:
 * a delivery proves itself with the project's secret (GitHub: the
 * {@code X-Hub-Signature-256} HMAC of the raw body, which is why the body is read as
 * bytes; GitLab: {@code X-Gitlab-Token}). Unknown hook: 404 before the body is read;
 * missing or wrong signature: 401 and nothing stored; an unreadable payload: 422; a body
 * past 5 MiB: 413; otherwise 200 with the outcome.
 */
@RestController
@RequestMapping("/api/v1/hooks")
class WebhookController {

	private final ReceivePush receivePush;

	private final PushPayloads payloads;

	private final LockstepMeters meters;

	WebhookController(ReceivePush receivePush, PushPayloads payloads, LockstepMeters meters) {
		this.receivePush = receivePush;
		this.payloads = payloads;
		this.meters = meters;
	}

	@PostMapping("/github/{hookId}")
	Map<String, Object> github(@PathVariable String hookId,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature,
			@RequestHeader(name = "X-GitHub-Event", required = false) @Nullable String event,
			HttpServletRequest request) {
		return receive(Forge.GITHUB, hookId, signature, event, request, this.payloads::github);
	}

	@PostMapping("/gitlab/{hookId}")
	Map<String, Object> gitlab(@PathVariable String hookId,
			@RequestHeader(name = "X-Gitlab-Token", required = false) @Nullable String token,
			@RequestHeader(name = "X-Gitlab-Event", required = false) @Nullable String event,
			HttpServletRequest request) {
		return receive(Forge.GITLAB, hookId, token, event, request, this.payloads::gitlab);
	}

	private Map<String, Object> receive(Forge forge, String hookId, @Nullable String signature, @Nullable String event,
			HttpServletRequest request, PushParser parser) {
		ReceivePush.Received received;
		try {
			received = this.receivePush.receive(new ReceivePush.Delivery(forge, hookId, () -> body(request), signature,
					event, ClientAddress.of(request)), parser);
		}
		catch (InvalidWebhookSignatureException ex) {
			this.meters.webhookDelivery(forge.name(), DeliveryOutcome.REJECTED.name());
			throw ex;
		}
		catch (ValidationException ex) {
			this.meters.webhookDelivery(forge.name(), DeliveryOutcome.INVALID.name());
			throw ex;
		}
		this.meters.webhookDelivery(forge.name(), received.outcome().name());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("outcome", received.outcome().name().toLowerCase(Locale.ROOT));
		answer.put("detail", received.detail());
		answer.put("commits", received.commits());
		answer.put("stored", received.stored());
		return answer;
	}

	/**
	 * The raw body, read only once the hook is known, through the request's bounded
	 * stream (5 MiB for webhooks; past that the read fails and the answer is 413).
	 */
	private static byte[] body(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ExceptionHandler(InvalidWebhookSignatureException.class)
	ProblemDetail unauthorized(InvalidWebhookSignatureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Unauthorized");
		return problem;
	}

}
