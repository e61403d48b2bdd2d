package app.lockstep.web.shared;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import app.lockstep.domain.tenancy.Members;

import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every full page's frame needs: the signed-in person, their organizations for the
 * switcher, the current organization and role, and whether this is a demo. Added only
 * when a view is rendered (not for the API). Features add their own part of the frame
 * (such as the approvals count) as {@link LayoutContribution}s.
 */
@Component
class LayoutModel implements HandlerInterceptor {

	/** Organizations named in the switcher; the settings page lists them all. */
	static final int SWITCHER_SIZE = 12;

	private final ResolveMembership resolveMembership;

	private final boolean demo;

	private final List<LayoutContribution> contributions;

	LayoutModel(ResolveMembership resolveMembership, @Value("${lockstep.demo:false}") boolean demo,
			List<LayoutContribution> contributions) {
		this.resolveMembership = resolveMembership;
		this.demo = demo;
		this.contributions = List.copyOf(contributions);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		frame(request, response, modelAndView);
	}

	/**
	 * Adds the frame to a page about to be rendered. Also called for the refusal pages a
	 * handler's exception leads to (403, 404, 409, 422), which {@link #postHandle} never
	 * sees, so they keep the navigation and menus.
	 */
	void frame(HttpServletRequest request, HttpServletResponse response, @Nullable ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		modelAndView.addObject("demo", this.demo);
		if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
			// the database is out of reach: the frame goes without what it would read
			// there
			return;
		}
		SignedInUser user = OrgAccessInterceptor.signedInUser();
		if (user != null) {
			modelAndView.addObject("me", user);
			if (!HtmxRequest.fromRequest(request).isHtmxRequest()) {
				Members.Memberships switcher = this.resolveMembership.first(user.id(), SWITCHER_SIZE);
				modelAndView.addObject("myMemberships", switcher.first());
				modelAndView.addObject("myMembershipsTotal", switcher.total());
				modelAndView.addObject("allOrganizationsLink", "All " + switcher.total() + " organizations…");
			}
		}
		Object caller = request.getAttribute(OrgAccessInterceptor.CALLER);
		if (caller instanceof Caller current) {
			modelAndView.addObject("caller", current);
			modelAndView.addObject("org", current.organization());
			if (!HtmxRequest.fromRequest(request).isHtmxRequest()) {
				for (LayoutContribution contribution : this.contributions) {
					contribution.contribute(request, current, modelAndView);
				}
			}
		}
	}

}
