package app.lockstep.web.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import app.lockstep.web.LockstepApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another real application instance in the test JVM, on the same test database as the
 * shared context ({@link TestDatabaseEnvironment} points every context there), on a
 * random port, in demo mode (the same built-in secrets key, so the target secrets the
 * shared context sealed open here; the demo data is seeded only when absent, so nothing
 * is seeded twice), with the real deployment scheduler polling and the real system clock.
 * Flyway runs and finds the database migrated already (the application's start-up checks
 * need it).
 * <p>
 * {@code lockstep.public-url} is set to {@code http://<name>.instance.test}, so the
 * {@code configUrl} of each delivery tells which instance sent it.
 */
public final class AppInstance implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private AppInstance(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	/**
	 * Starts an instance whose scheduler polls every {@code pollInterval} (such as
	 * {@code 200ms}) with {@code workers} workers; {@code extra} properties win.
	 */
	public static AppInstance start(String name, String pollInterval, int workers, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("lockstep.demo", "true");
		properties.put("lockstep.public-url", publicUrl(name));
		properties.put("lockstep.scheduler.enabled", "true");
		properties.put("lockstep.scheduler.poll-interval", pollInterval);
		properties.put("lockstep.scheduler.initial-delay", "0s");
		properties.put("lockstep.scheduler.workers", String.valueOf(workers));
		properties.put("spring.application.name", "lockstep-" + name);
		// So that kill() finds this instance's connections.
		properties.put("spring.datasource.hikari.data-source-properties.ApplicationName", applicationName(name));
		properties.putAll(extra);
		// As arguments: default properties would lose to application.properties.
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LockstepApplication.class).run(arguments);
		return new AppInstance(name, context);
	}

	public static AppInstance start(String name, String pollInterval) {
		return start(name, pollInterval, 4, Map.of());
	}

	/**
	 * The public URL this instance puts in front of each delivery's {@code configUrl}.
	 */
	public static String publicUrl(String name) {
		return "http://" + name + ".instance.test";
	}

	public String name() {
		return this.name;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** The port this instance serves HTTP on. */
	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	public boolean isRunning() {
		return this.context.isActive();
	}

	static String applicationName(String name) {
		return "lockstep-instance-" + name;
	}

	/**
	 * An abrupt stop, as when the process or its machine dies: the database ends every
	 * connection of this instance at once (transactions in flight roll back, deliveries
	 * in progress cannot record their outcome), then the context goes.
	 */
	public void kill(DataSource superuser) {
		try (Connection connection = superuser.getConnection();
				PreparedStatement terminate = connection.prepareStatement(
						"select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
			terminate.setString(1, applicationName(this.name));
			terminate.executeQuery().close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		close();
	}

	/** A graceful stop: deliveries in progress finish before the context is gone. */
	@Override
	public void close() {
		if (this.context.isActive()) {
			this.context.close();
		}
	}

}
