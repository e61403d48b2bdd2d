package app.lockstep.persistence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default for running Lockstep locally: a PostgreSQL 17 kept in a data
 * folder between runs, with the same two roles a real server has. Never used when a
 * database URL is configured.
 */
public final class LocalEmbeddedPostgres implements AutoCloseable {

	public static final String DATABASE = "lockstep";

	public static final DatabaseBootstrap.Credentials OWNER = new DatabaseBootstrap.Credentials("lockstep_owner",
			"lockstep-owner-local");

	public static final DatabaseBootstrap.Credentials APP = new DatabaseBootstrap.Credentials("lockstep_app",
			"lockstep-app-local");

	private final EmbeddedPostgres postgres;

	private LocalEmbeddedPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static LocalEmbeddedPostgres start(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory.getParent());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				DatabaseBootstrap.ensureRolesAndDatabase(connection, DATABASE, OWNER, APP);
			}
			return new LocalEmbeddedPostgres(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	public String jdbcUrl() {
		return this.postgres.getJdbcUrl(OWNER.user(), DATABASE).replaceAll("[?&]user=[^&]*", "");
	}

	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
