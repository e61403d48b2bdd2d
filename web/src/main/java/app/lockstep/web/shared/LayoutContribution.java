package app.lockstep.web.shared;

import app.lockstep.domain.access.Caller;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.ModelAndView;

/**
 * Something a feature adds to the frame of every full page rendered inside an
 * organization (not to htmx fragments, redirects or the API), such as a count in the
 * navigation. Called once per request, after the controller, with the member's
 * {@link Caller}; keep it one cheap query.
 */
public interface LayoutContribution {

	void contribute(HttpServletRequest request, Caller caller, ModelAndView page);

}
