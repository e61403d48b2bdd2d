package app.lockstep.web.shared;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.persistence.embedded.LocalEmbeddedPostgres;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: when no database is configured ({@code spring.datasource.url}
 * unset), start an embedded PostgreSQL 17 whose data stays in
 * {@code lockstep.embedded-database.directory} (default {@code .lockstep/pgdata}) and
 * point the application and Flyway at it with the same two roles a real server has.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

	private static @Nullable LocalEmbeddedPostgres running;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")
				|| !environment.getProperty("lockstep.embedded-database.enabled", Boolean.class, true)) {
			return;
		}
		Path directory = Path.of(environment.getProperty("lockstep.embedded-database.directory", ".lockstep/pgdata"))
			.toAbsolutePath();
		LocalEmbeddedPostgres postgres = start(directory);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", postgres.jdbcUrl());
		properties.put("spring.datasource.username", LocalEmbeddedPostgres.APP.user());
		properties.put("spring.datasource.password", LocalEmbeddedPostgres.APP.password());
		properties.put("spring.flyway.user", LocalEmbeddedPostgres.OWNER.user());
		properties.put("spring.flyway.password", LocalEmbeddedPostgres.OWNER.password());
		properties.put("lockstep.embedded-database.active-directory", directory.toString());
		environment.getPropertySources().addFirst(new MapPropertySource("lockstepEmbeddedDatabase", properties));
	}

	private static synchronized LocalEmbeddedPostgres start(Path directory) {
		LocalEmbeddedPostgres database = running;
		if (database == null) {
			database = LocalEmbeddedPostgres.start(directory);
			running = database;
			Runtime.getRuntime().addShutdownHook(new Thread(database::close, "stop-embedded-postgres"));
		}
		return database;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
