package app.lockstep.domain.notify;

import java.time.Duration;

/**
 * How notices are sent: {@code attempts} in all, spaced {@code retryBase} then doubling,
 * each under a claim that lasts {@code lease} (longer than any one send may take). The
 * web module reads them from {@code lockstep.notifications.*}.
 */
public record NotificationSettings(int attempts, Duration retryBase, Duration lease) {

	public static final NotificationSettings DEFAULT = new NotificationSettings(6, Duration.ofSeconds(30),
			Duration.ofMinutes(2));

	Duration delayAfter(int failedAttempts) {
		return this.retryBase.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
	}

}
