package app.lockstep.web.shared;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.TimedOutException;
import app.lockstep.domain.shared.ValidationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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

}
