package app.lockstep.web.testing;

import app.lockstep.persistence.testing.TestDatabase;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application context of the test JVM at the one shared test database (see
 * {@link TestDatabase}).
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (Boolean.getBoolean(app.lockstep.web.TestLockstepApplication.CONTAINER)) {
			// TestLockstepApplication brings its own PostgreSQL container.
			return;
		}
		// Last, so that a test may still override a property on the command line (see
		// StartupRefusalTest).
		environment.getPropertySources()
			.addLast(new MapPropertySource("lockstepTestDatabase", TestDatabase.get().springProperties()));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
