package app.lockstep.web.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A refusal decided before (or outside) a controller: its status, a specific detail and,
 * for bad input, the fields at fault. The error page renders it as problem+json for API
 * clients and as the app's own page for browsers.
 */
public record Refusal(int status, String detail, List<FieldProblem> errors) {

	/** Seconds a client should wait before trying again after a 503. */
	public static final int RETRY_AFTER_SECONDS = 5;

	/** The request attribute that carries a refusal to the error page. */
	public static final String ATTRIBUTE = Refusal.class.getName();

	public Refusal(int status, String detail) {
		this(status, detail, List.of());
	}

	public static Refusal field(int status, String field, String message) {
		return new Refusal(status, message, List.of(new FieldProblem(field, message)));
	}

	public String title() {
		if (this.status == 422) {
			return "Invalid input";
		}
		HttpStatus known = HttpStatus.resolve(this.status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	/** One field (a JSON path, a parameter or a header) and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

	static @Nullable String retryAfter(int status) {
		return (status == 503) ? String.valueOf(RETRY_AFTER_SECONDS) : null;
	}

}
