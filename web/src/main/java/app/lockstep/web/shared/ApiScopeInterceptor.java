package app.lockstep.web.shared;

import java.util.Map;

import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.access.ApiToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Keeps a token-authenticated request within its token: runs after
 * {@link OrgAccessInterceptor} (so another organization is still 404) and enforces
 * {@link RequiresScope}. Browser sessions pass untouched.
 */
@Component
class ApiScopeInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ApiToken token = RequestToken.of(request).orElse(null);
		if (token == null || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		RequiresScope required = requiredScope(method);
		if (required == null) {
			throw new ForbiddenException("This endpoint does not accept API tokens.");
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		checkLimits(token, required, (variables != null) ? variables : Map.of());
		if (!token.has(required.value())) {
			throw new ForbiddenException("This token lacks the scope " + required.value().value());
		}
		return true;
	}

	private static @Nullable RequiresScope requiredScope(HandlerMethod method) {
		RequiresScope onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresScope.class);
		return (onMethod != null) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresScope.class);
	}

	/**
	 * Another project or environment than the token's is invisible (404); an endpoint
	 * that does not name them is beyond a limited token unless it handles the limits.
	 */
	private static void checkLimits(ApiToken token, RequiresScope required, Map<String, String> variables) {
		String limitedProject = token.projectSlug();
		if (limitedProject == null) {
			return;
		}
		String project = variables.get("project");
		if (project != null && !project.equals(limitedProject)) {
			throw new NotFoundException("No project \"" + project + "\".");
		}
		String limitedEnvironment = token.environmentName();
		String environment = variables.containsKey("env") ? variables.get("env") : variables.get("environment");
		if (limitedEnvironment != null && environment != null && !environment.equals(limitedEnvironment)) {
			throw new NotFoundException("No environment \"" + environment + "\" in " + limitedProject + ".");
		}
		boolean named = project != null && (limitedEnvironment == null || environment != null);
		if (!named && !required.handlesTokenLimits()) {
			throw new ForbiddenException("This token is limited to " + limitedProject
					+ ((limitedEnvironment != null) ? "/" + limitedEnvironment : "")
					+ ", and this endpoint reaches beyond it.");
		}
	}

}
