package app.lockstep.domain.deploy;

import java.time.Duration;

/**
 * How the dispatcher delivers deployments to webhook targets: {@code attempts} deliveries
 * in all, spaced {@code retryBase} then doubling, each under a claim that lasts
 * {@code lease} unless renewed. The web module reads them from
 * {@code lockstep.deployments.*}.
 */
public record DeliverySettings(int attempts, Duration retryBase, Duration lease) {

	DispatchDeployments.RetryPolicy retry() {
		return new DispatchDeployments.RetryPolicy(this.attempts, this.retryBase);
	}

}
