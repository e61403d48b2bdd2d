package app.lockstep.web.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one application context the web tests share: the whole application on a random
 * port, against the shared test database, with the demo organizations seeded (acme,
 * globex) and a clock the tests control. The deployment scheduler does not poll: tests
 * that start deployments call {@code DeploymentScheduler.runOnce()} themselves. Every web
 * test uses exactly this annotation so the context is built once per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lockstep.demo=true", "lockstep.scheduler.enabled=false",
				"lockstep.metrics.token=" + LockstepTest.METRICS_TOKEN + "," + LockstepTest.NEXT_METRICS_TOKEN,
				"lockstep.metrics.refresh=0s" })
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, RoundTrips.class, MockSessionBridge.class, FakeDns.class })
public @interface LockstepTest {

	/** The Prometheus scrape token of the test application. */
	String METRICS_TOKEN = "scrape-token-for-tests-0123456789abcdef";

	/** The next scrape token, accepted beside the first while it is rotated in. */
	String NEXT_METRICS_TOKEN = "next-scrape-token-for-tests-fedcba9876543210";

}
