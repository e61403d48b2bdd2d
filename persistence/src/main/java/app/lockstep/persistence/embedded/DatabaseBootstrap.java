package app.lockstep.persistence.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates Lockstep's two roles and its database on a PostgreSQL server reached as a
 * superuser: the owner, who owns the schema and runs the migrations, and the runtime
 * role, which is no superuser, has no BYPASSRLS and owns nothing. Used for the embedded
 * default and by the tests; production servers get the same from ops/.
 */
public final class DatabaseBootstrap {

	private DatabaseBootstrap() {
	}

	public static void ensureRolesAndDatabase(Connection superuser, String database, Credentials owner, Credentials app)
			throws SQLException {
		ensureRole(superuser, owner, "nosuperuser nobypassrls");
		ensureRole(superuser, app, "nosuperuser nobypassrls nocreatedb nocreaterole");
		if (!exists(superuser, "select 1 from pg_database where datname = ?", database)) {
			try (Statement statement = superuser.createStatement()) {
				statement.execute("create database " + quote(database) + " owner " + quote(owner.user()));
			}
		}
		try (Statement statement = superuser.createStatement()) {
			statement.execute("grant connect, temporary on database " + quote(database) + " to " + quote(app.user()));
		}
	}

	public static void dropDatabase(Connection superuser, String database) throws SQLException {
		try (Statement statement = superuser.createStatement()) {
			statement.execute("drop database if exists " + quote(database) + " with (force)");
		}
	}

	private static void ensureRole(Connection superuser, Credentials role, String attributes) throws SQLException {
		String verb = exists(superuser, "select 1 from pg_roles where rolname = ?", role.user()) ? "alter" : "create";
		try (Statement statement = superuser.createStatement()) {
			statement.execute(verb + " role " + quote(role.user()) + " login " + attributes + " password '"
					+ role.password().replace("'", "''") + "'");
		}
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	static String quote(String identifier) {
		if (!identifier.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain identifier: " + identifier);
		}
		return "\"" + identifier + "\"";
	}

	public record Credentials(String user, String password) {

		@Override
		public String toString() {
			return "Credentials[user=" + this.user + "]";
		}

	}

}
