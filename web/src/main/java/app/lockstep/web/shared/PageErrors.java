package app.lockstep.web.shared;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.TimedOutException;
import app.lockstep.domain.shared.ValidationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Refusals on pages: the app's own 403, 404 and 409 pages with a readable message and no
 * internals; a database that cannot be reached is a 503 page (with Retry-After) and a
 * value it refused as data a 422, never a 500. An API client refused outside an API
 * controller gets the same as problem+json.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	private final LayoutModel layout;

	PageErrors(LayoutModel layout) {
		this.layout = layout;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return framed(request, response, page(request, "error/404", HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex, HttpServletRequest request, HttpServletResponse response) {
		return framed(request, response, page(request, "error/403", HttpStatus.FORBIDDEN, ex.getMessage()));
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex, HttpServletRequest request, HttpServletResponse response) {
		return framed(request, response, page(request, "error", HttpStatus.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler(TimedOutException.class)
	ModelAndView timedOut(TimedOutException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, TimedOutPages.RETRY_AFTER_SECONDS);
		return page(request, "error", HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	@ExceptionHandler(ValidationException.class)
	ModelAndView invalid(ValidationException ex, HttpServletRequest request, HttpServletResponse response) {
		return framed(request, response, page(request, "error", HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage()));
	}

	/**
	 * A refusal page keeps the frame (navigation, organization switcher, the person's
	 * menu): the person is still signed in and should find their way on. An htmx request
	 * gets no frame, as for any fragment.
	 */
	private ModelAndView framed(HttpServletRequest request, HttpServletResponse response, ModelAndView page) {
		if (page.getViewName() != null && !HtmxRequest.fromRequest(request).isHtmxRequest()) {
			this.layout.frame(request, response, page);
		}
		return page;
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ModelAndView database(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		Refusal refusal = Failures.refusal(ex).orElseThrow(() -> ex);
		String retryAfter = Refusal.retryAfter(refusal.status());
		if (retryAfter != null) {
			response.setHeader("Retry-After", retryAfter);
		}
		return page(request, "error", HttpStatus.valueOf(refusal.status()), refusal.detail());
	}

	/**
	 * The page, or a problem for an API client whose request was refused outside an API
	 * controller (by an interceptor, such as a token used where no scope is declared).
	 */
	private static ModelAndView page(HttpServletRequest request, String view, HttpStatus status, String message) {
		if (ProblemJson.wanted(request, null)) {
			Refusal refusal = new Refusal(status.value(), message);
			String instance = request.getRequestURI();
			View problem = (model, req, response) -> {
				response.setContentType(ProblemJson.MEDIA_TYPE);
				response.getOutputStream().write(ProblemJson.bytes(refusal, instance));
			};
			ModelAndView answer = new ModelAndView(problem);
			answer.setStatus(status);
			return answer;
		}
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.addObject("failure", new ErrorPage(status.value(), message));
		return page;
	}

}
