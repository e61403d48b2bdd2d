package app.lockstep.domain.deploy;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Hands a deployment to a team's deployer over HTTP: a POST of {@link Payload} as JSON,
 * signed with {@code X-Lockstep-Signature: sha256=<hex HMAC-SHA256 of the body>} under
 * the target's secret, with {@code X-Lockstep-Delivery} the deployment's stable delivery
 * id.
 */
public interface DeployerClient {

	/** What the deployer is told: the JSON body's fields. */
	record Payload(String deploymentId, String organization, String project, String environment, String artifactVersion,
			String artifactCommitSha, String artifactDigest, @Nullable Integer configRevision, String configPath,
			boolean emergency) {
	}

	/**
	 * The answer: {@code accepted} for a 2xx; otherwise whether trying again may help
	 * (network errors and 5xx) and a short reason.
	 */
	record Result(boolean accepted, boolean retryable, String detail) {

		public static Result accepted(String detail) {
			return new Result(true, false, detail);
		}

		public static Result retry(String detail) {
			return new Result(false, true, detail);
		}

		public static Result refused(String detail) {
			return new Result(false, false, detail);
		}

	}

	Result deliver(String url, String secret, UUID deliveryId, Payload payload);

}
