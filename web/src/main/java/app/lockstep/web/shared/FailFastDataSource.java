package app.lockstep.web.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's connections, failing fast while the database is down. The pool waits
 * at most its connection timeout (2 s) for a connection; once that wait ends because the
 * database could not be reached, every request in the next {@value #COOL_DOWN_MILLIS} ms
 * is refused at once instead of waiting again, so an outage costs callers milliseconds,
 * not seconds each, and health reports DOWN at once. After that pause the next request
 * tries the database again: when it is back, everything works again by itself. A pool
 * that is merely busy (all connections in use) never trips this.
 */
class FailFastDataSource extends DelegatingDataSource {

	static final long COOL_DOWN_MILLIS = 1000;

	private static final long COOL_DOWN_NANOS = Duration.ofMillis(COOL_DOWN_MILLIS).toNanos();

	private volatile long downUntil;

	private volatile boolean down;

	FailFastDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		refuseWhileDown();
		try {
			Connection connection = super.getConnection();
			this.down = false;
			return connection;
		}
		catch (SQLException ex) {
			noteFailure(ex);
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		refuseWhileDown();
		try {
			Connection connection = super.getConnection(username, password);
			this.down = false;
			return connection;
		}
		catch (SQLException ex) {
			noteFailure(ex);
			throw ex;
		}
	}

	private void refuseWhileDown() throws SQLTransientConnectionException {
		if (this.down && System.nanoTime() - this.downUntil < 0) {
			throw new SQLTransientConnectionException(
					"The database could not be reached a moment ago; not waiting for it again yet.", "08001");
		}
	}

	private void noteFailure(SQLException failure) {
		// The pool's timeout names the last connection failure as its cause only when
		// the database could not be reached; a busy pool times out without one.
		if (failure.getCause() != null && Failures.databaseUnavailable(failure.getCause())) {
			this.downUntil = System.nanoTime() + COOL_DOWN_NANOS;
			this.down = true;
		}
	}

}
