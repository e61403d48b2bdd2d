package app.lockstep.domain.deploy;

import java.time.Duration;
import java.time.Instant;

import app.lockstep.domain.config.SealedSecret;
import org.jspecify.annotations.Nullable;

/**
 * Where an environment's deployments go: a {@code webhook} (a signed POST to the team's
 * deployer) or {@code manual} (a person marks each one succeeded or failed). A running
 * deployment that has not finished within {@code timeoutMinutes} fails as timed out.
 */
public record DeployTarget(Type type, @Nullable String url, @Nullable SealedSecret secret, int timeoutMinutes,
		@Nullable Instant updatedAt, @Nullable String updatedByName) {

	public static final int DEFAULT_TIMEOUT_MINUTES = 60;

	public enum Type {

		MANUAL, WEBHOOK;

		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public static DeployTarget manualByDefault() {
		return new DeployTarget(Type.MANUAL, null, null, DEFAULT_TIMEOUT_MINUTES, null, null);
	}

	public Duration timeout() {
		return Duration.ofMinutes(this.timeoutMinutes);
	}

}
