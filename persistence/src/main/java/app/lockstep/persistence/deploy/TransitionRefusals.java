package app.lockstep.persistence.deploy;

import java.sql.SQLException;
import java.util.Optional;

import app.lockstep.domain.deploy.Deployments.IllegalTransitionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Finds the refusal of the deployments' triggers ({@code LS409}, the status the database
 * holds in the HINT) behind an exception.
 */
final class TransitionRefusals {

	static final String SQLSTATE = "LS409";

	private TransitionRefusals() {
	}

	/** The status the database holds, when the failure is the trigger's refusal. */
	static Optional<String> currentStatusOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
				if (sql instanceof PSQLException psql) {
					ServerErrorMessage message = psql.getServerErrorMessage();
					if (message != null && message.getHint() != null) {
						return Optional.of(message.getHint());
					}
				}
				return Optional.of("");
			}
		}
		return Optional.empty();
	}

	/**
	 * The failure as {@link IllegalTransitionException} when it is the trigger's refusal.
	 */
	static RuntimeException translate(RuntimeException failure) {
		return currentStatusOf(failure)
			.<RuntimeException>map((current) -> new IllegalTransitionException(current, failure))
			.orElse(failure);
	}

}
