package app.lockstep.web.shared;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.TimedOutException;
import app.lockstep.domain.shared.ValidationException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Refusals on the JSON API, as RFC 9457 problem details with a specific detail and, for
 * bad input, the fields.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		ex.field()
			.ifPresent((field) -> problem.setProperty("errors",
					List.of(Map.of("field", field, "message", ex.getMessage()))));
		return problem;
	}

	@ExceptionHandler(app.lockstep.domain.deploy.StatusConflictException.class)
	ProblemDetail statusConflict(app.lockstep.domain.deploy.StatusConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("currentStatus", ex.current().value());
		return problem;
	}

	/**
	 * A statement ran past the statement timeout and was cancelled (nothing was kept):
	 * 503 with Retry-After, as for any other temporary refusal to do more work.
	 */
	@ExceptionHandler(TimedOutException.class)
	ResponseEntity<ProblemDetail> timedOut(TimedOutException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Took too long");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, TimedOutPages.RETRY_AFTER_SECONDS)
			.body(problem);
	}

	@ExceptionHandler(app.lockstep.domain.deploy.WindowClosedException.class)
	ProblemDetail windowClosed(app.lockstep.domain.deploy.WindowClosedException ex) {
		ProblemDetail problem = invalid(ex);
		problem.setProperty("blockedBy", ex.blockedBy());
		problem.setProperty("nextOpenAt", (ex.nextOpenAt() != null) ? ex.nextOpenAt().toString() : null);
		return problem;
	}

	@ExceptionHandler(ValidationException.class)
	ProblemDetail invalid(ValidationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Invalid input");
		problem.setProperty("errors",
				ex.errors()
					.stream()
					.map((error) -> Map.of("field", error.field(), "message", error.message()))
					.toList());
		return problem;
	}

	/**
	 * A database that cannot be reached (503 with Retry-After) or a value it refused as
	 * data (422); any other database failure stays a 500.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> database(RuntimeException ex) {
		return problem(Failures.refusal(ex).orElseThrow(() -> ex));
	}

	/** A body past its limit while a controller read it (a webhook's payload). */
	@ExceptionHandler({ RequestBodyTooLargeException.class, java.io.UncheckedIOException.class })
	ResponseEntity<ProblemDetail> tooLarge(Exception ex) throws Exception {
		Refusal refusal = Failures.refusal(ex).orElse(null);
		if (refusal == null) {
			throw ex;
		}
		return problem(refusal);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return generic(problem(JsonBodies.unreadable(ex)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		Class<?> type = ex.getRequiredType();
		String expected = (type == int.class || type == Integer.class || type == long.class || type == Long.class)
				? "Use a whole number within range." : "This value has the wrong form.";
		return generic(problem(Refusal.field(400, name, expected)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return generic(problem(Refusal.field(400, ex.getParameterName(), "This parameter is required.")));
	}

	static ResponseEntity<ProblemDetail> problem(Refusal refusal) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refusal.status()),
				refusal.detail());
		problem.setTitle(refusal.title());
		if (!refusal.errors().isEmpty()) {
			problem.setProperty("errors",
					refusal.errors()
						.stream()
						.map((error) -> Map.of("field", error.field(), "message", error.message()))
						.toList());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		String retryAfter = Refusal.retryAfter(refusal.status());
		if (retryAfter != null) {
			answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return answer.body(problem);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> generic(ResponseEntity<ProblemDetail> answer) {
		return (ResponseEntity) answer;
	}

}
