package app.lockstep.web;

import app.lockstep.persistence.testing.TestDatabase;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A PostgreSQL 17 container for {@link TestLockstepApplication}, connected with
 * {@code @ServiceConnection}. The container's own user is a superuser, which Lockstep
 * refuses to run as (it could bypass row-level security): the container creates the owner
 * and runtime roles of ops/postgres/create-roles.sql, Flyway migrates as the owner and
 * the application connects as the runtime role, at the address the service connection
 * found. The image is {@code postgres:17-alpine}, or the one
 * {@code LOCKSTEP_POSTGRES_IMAGE} or {@code -Dlockstep.postgres-image=…} names
 * (ops/images/build-local-images.sh builds one from Debian's packages where no registry
 * can be reached).
 */
// Deliberately no @Configuration/@TestConfiguration: LockstepApplication scans all of
// app.lockstep, test classes included, and this must join only the contexts that ask for
// it (SpringApplication.from(…).with(LocalPostgresContainer.class)).
public class LocalPostgresContainer {

	static final String OWNER = "lockstep_owner";

	static final String OWNER_PASSWORD = "local-owner";

	static final String APP = "lockstep_app";

	static final String APP_PASSWORD = "local-app";

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		DockerImageName image = DockerImageName.parse(TestDatabase.containerImage())
			.asCompatibleSubstituteFor("postgres");
		return new PostgreSQLContainer(image).withDatabaseName("lockstep")
			.withInitScript("testcontainers/lockstep-roles.sql");
	}

	/**
	 * The service connection's address, as the runtime role: what the application's pool
	 * uses.
	 */
	@Bean
	@Primary
	JdbcConnectionDetails runtimeRoleConnection(PostgreSQLContainer postgres) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return APP;
			}

			@Override
			public String getPassword() {
				return APP_PASSWORD;
			}

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl();
			}

		};
	}

	/**
	 * Flyway migrates as the owner; the grants name the runtime role. As system
	 * properties, so they win over application.properties.
	 */
	static void useTheRoles() {
		for (java.util.Map.Entry<String, String> property : properties().entrySet()) {
			System.setProperty(property.getKey(), property.getValue());
		}
	}

	/** The settings {@link #useTheRoles()} sets. */
	static java.util.Map<String, String> properties() {
		return java.util.Map.of(TestLockstepApplication.CONTAINER, "true", "lockstep.embedded-database.enabled",
				"false", "spring.flyway.user", OWNER, "spring.flyway.password", OWNER_PASSWORD,
				"spring.flyway.placeholders.app_role", APP, "spring.datasource.username", APP);
	}

}
