package app.lockstep.web.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.deploy.DeployerClient;
import app.lockstep.web.shared.HmacSignature;
import app.lockstep.web.shared.PublicUrl;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts a deployment to a team's deployer: JSON body, {@code X-Lockstep-Signature:
 * sha256=<hex HMAC-SHA256 of the exact body bytes>} with the target's secret,
 * {@code X-Lockstep-Delivery} the deployment's stable delivery id (the same on every
 * retry), {@code X-Lockstep-Event: deployment}. 2xx is accepted; network errors,
 * time-outs and 5xx may be retried; other answers are refused for good.
 */
@Component
class HttpDeployerClient implements DeployerClient {

	static final String SIGNATURE = "X-Lockstep-Signature";

	static final String DELIVERY = "X-Lockstep-Delivery";

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final PublicUrl publicUrl;

	private final Duration timeout;

	HttpDeployerClient(PublicUrl publicUrl, @Value("${lockstep.deployments.delivery-timeout:10s}") Duration timeout) {
		this.publicUrl = publicUrl;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	@Override
	public Result deliver(String url, String secret, UUID deliveryId, Payload payload) {
		byte[] body = body(payload);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Lockstep-Deployer-Hook/1")
			.header("X-Lockstep-Event", "deployment")
			.header(DELIVERY, deliveryId.toString())
			.header(SIGNATURE, signature(secret, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return Result.accepted("the deployer answered " + status);
			}
			if (status >= 500 || status == 429 || status == 408) {
				return Result.retry("the deployer answered " + status);
			}
			return Result.refused("the deployer answered " + status);
		}
		catch (IOException ex) {
			return Result.retry(ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : " (no answer)"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Result.retry("interrupted while waiting for the deployer");
		}
	}

	byte[] body(Payload payload) {
		Map<String, Object> artifact = new LinkedHashMap<>();
		artifact.put("version", payload.artifactVersion());
		artifact.put("commitSha", payload.artifactCommitSha());
		artifact.put("digest", payload.artifactDigest());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("deploymentId", payload.deploymentId());
		body.put("organization", payload.organization());
		body.put("project", payload.project());
		body.put("environment", payload.environment());
		body.put("artifact", artifact);
		body.put("configRevision", payload.configRevision());
		body.put("configUrl", this.publicUrl.of(payload.configPath()));
		body.put("emergency", payload.emergency());
		return this.json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
	}

	/** {@code sha256=} and the hex HMAC-SHA256 of the body under the secret. */
	static String signature(String secret, byte[] body) {
		return HmacSignature.sha256(secret, body);
	}

}
