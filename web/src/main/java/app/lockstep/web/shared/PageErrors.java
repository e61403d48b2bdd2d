package app.lockstep.web.shared;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.ValidationException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on pages: the app's own 403, 404 and 409 pages with a readable message and no
 * internals; a database that cannot be reached is a 503 page (with Retry-After) and a
 * value it refused as data a 422, never a 500.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page("error/404", HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex) {
		return page("error/403", HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return page("error", HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(ValidationException.class)
	ModelAndView invalid(ValidationException ex) {
		return page("error", HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ModelAndView database(RuntimeException ex, HttpServletResponse response) {
		Refusal refusal = Failures.refusal(ex).orElseThrow(() -> ex);
		String retryAfter = Refusal.retryAfter(refusal.status());
		if (retryAfter != null) {
			response.setHeader("Retry-After", retryAfter);
		}
		return page("error", HttpStatus.valueOf(refusal.status()), refusal.detail());
	}

	private static ModelAndView page(String view, HttpStatus status, String message) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}

}
