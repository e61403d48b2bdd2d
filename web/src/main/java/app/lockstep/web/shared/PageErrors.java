package app.lockstep.web.shared;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.TimedOutException;
import app.lockstep.domain.shared.ValidationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on pages: the app's own 403, 404 and 409 pages with a readable message and no
 * internals.
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

	@ExceptionHandler(TimedOutException.class)
	ModelAndView timedOut(TimedOutException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, TimedOutPages.RETRY_AFTER_SECONDS);
		return page("error", HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	@ExceptionHandler(ValidationException.class)
	ModelAndView invalid(ValidationException ex) {
		return page("error", HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
	}

	private static ModelAndView page(String view, HttpStatus status, String message) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}

}
