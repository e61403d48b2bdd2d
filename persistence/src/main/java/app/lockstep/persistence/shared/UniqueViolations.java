package app.lockstep.persistence.shared;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Finds the PostgreSQL unique violation behind an exception, and the constraint it names.
 */
public final class UniqueViolations {

	private UniqueViolations() {
	}

	public static Optional<String> constraintOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				if (sql instanceof PSQLException psql) {
					ServerErrorMessage message = psql.getServerErrorMessage();
					if (message != null && message.getConstraint() != null) {
						return Optional.of(message.getConstraint());
					}
				}
				return Optional.of("");
			}
		}
		return Optional.empty();
	}

}
