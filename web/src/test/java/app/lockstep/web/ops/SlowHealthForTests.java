package app.lockstep.web.ops;

import java.util.concurrent.CountDownLatch;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Only in tests: a health contributor that, while {@link #slow} is armed, holds the
 * request that evaluates it, so that a test has a request in flight when it stops an
 * instance. Unarmed it answers at once.
 */
@Component
class SlowHealthForTests implements HealthIndicator {

	static volatile long sleepMillis;

	static volatile CountDownLatch entered = new CountDownLatch(1);

	static void slow(long millis) {
		entered = new CountDownLatch(1);
		sleepMillis = millis;
	}

	@Override
	public Health health() {
		long millis = sleepMillis;
		if (millis > 0) {
			entered.countDown();
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Health.down().withDetail("interrupted", true).build();
			}
		}
		return Health.up().build();
	}

}
