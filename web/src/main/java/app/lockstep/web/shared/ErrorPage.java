package app.lockstep.web.shared;

import org.jspecify.annotations.Nullable;

/**
 * What an error page says ({@code templates/error} and {@code error/403}): a headline for
 * the status, and the refusal's message, or a general one when it has none worth showing
 * (a failure on our side never shows its message).
 */
public record ErrorPage(int status, @Nullable String message) {

	public String headline() {
		return switch (this.status) {
			case 409 -> "That cannot be done right now";
			case 422 -> "That input is not valid";
			default -> "Something went wrong";
		};
	}

	public String explanation() {
		return (this.message != null && this.status != 500 && this.status != 999) ? this.message
				: "An unexpected error happened on our side. It has been logged; please try again.";
	}

	/** Why a 403: the refusal's reason, or the two usual ones. */
	public String forbidden() {
		return (this.message != null && !this.message.isEmpty() && !"Forbidden".equals(this.message)) ? this.message
				: "Your role does not allow this action, or the request was missing its security token "
						+ "(reload the page and try again).";
	}

}
