package app.lockstep.web.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a failure means for the client, whatever layer it surfaced in: a body past its
 * limit (413), a parameter Tomcat could not decode (400) or a form too large for it
 * (413), a database that cannot be reached (503, try again), or a value PostgreSQL
 * refused as data (SQLSTATE class 22: a NUL character, a date or number out of its range;
 * 422, since only the request's input can cause it). Anything else is not a refusal but a
 * failure of ours (500).
 */
public final class Failures {

	private static final int MAX_DEPTH = 20;

	private Failures() {
	}

	public static Optional<Refusal> refusal(@Nullable Throwable failure) {
		RequestBodyTooLargeException tooLarge = find(failure, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return Optional.of(new Refusal(413, tooLarge.getMessage()));
		}
		InvalidParameterException parameters = find(failure, InvalidParameterException.class);
		if (parameters != null) {
			return Optional.of((parameters.getErrorCode() == 413)
					? new Refusal(413,
							"The form is larger than the " + RequestLimits.describe(RequestLimits.MAX_FORM)
									+ " any form here accepts.")
					: new Refusal(400, "The query string or form could not be read: parameters must be "
							+ "percent-encoded UTF-8 (" + parameters.getMessage() + ")"));
		}
		if (databaseUnavailable(failure)) {
			return Optional.of(new Refusal(503, "Lockstep cannot reach its database right now, so nothing was read "
					+ "or changed. Try again in a few seconds."));
		}
		if (sqlState(failure, "22") != null) {
			return Optional.of(new Refusal(422, "A value in the request cannot be stored: text with a NUL "
					+ "character, or a date or number outside the range Lockstep keeps."));
		}
		if (find(failure, CsrfException.class) != null) {
			return Optional.of(new Refusal(403, "The CSRF token is missing or no longer valid: reload the page and "
					+ "try again (API clients: send the X-CSRF-TOKEN header from the page's _csrf meta tag, or use "
					+ "an API token)."));
		}
		return Optional.empty();
	}

	/** Whether the failure comes from a database that cannot be reached. */
	public static boolean databaseUnavailable(@Nullable Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current instanceof SQLTransientConnectionException
					|| current instanceof SQLNonTransientConnectionException || current instanceof ConnectException) {
				return true;
			}
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (current instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != current) {
				// The rollback on a dead connection failed too and hid what failed first.
				return databaseUnavailable(rollback.getApplicationException());
			}
			current = current.getCause();
		}
		return false;
	}

	static @Nullable String sqlState(@Nullable Throwable failure, String stateClass) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith(stateClass)) {
				return sql.getSQLState();
			}
			current = current.getCause();
		}
		return null;
	}

	static <T extends Throwable> @Nullable T find(@Nullable Throwable failure, Class<T> type) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

}
