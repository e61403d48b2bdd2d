package app.lockstep.web.shared;

/**
 * What a request whose database statement ran past the statement timeout answers (see
 * {@link ApiErrors} and {@link PageErrors}): 503 and how soon to try again.
 */
final class TimedOutPages {

	static final String RETRY_AFTER_SECONDS = "5";

	private TimedOutPages() {
	}

}
