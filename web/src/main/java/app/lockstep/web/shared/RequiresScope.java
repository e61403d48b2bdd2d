package app.lockstep.web.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import app.lockstep.domain.access.Scope;

/**
 * The scope an API token needs for this endpoint. Checked by {@link ApiScopeInterceptor}
 * for token-authenticated requests only (a browser session is checked by its role alone):
 * <ul>
 * <li>a token without the scope gets 403 ("This token lacks the scope config:read");</li>
 * <li>an endpoint under {@code /api/**} without this annotation refuses every token with
 * 403 (secure by default);</li>
 * <li>a token limited to a project or environment gets 404 when the path's
 * {@code {project}} or {@code {env}}/{@code {environment}} variable names another one,
 * and 403 when the path has no such variable, unless {@link #handlesTokenLimits()}.</li>
 * </ul>
 * The use case still checks the permission of the token's creator, as for a browser.
 * Usage: {@code @RequiresScope(Scope.CONFIG_READ)} on a controller method (or class).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresScope {

	Scope value();

	/**
	 * Set on an endpoint whose path does not name the project (or environment) but that
	 * itself keeps a limited token within its limits, for example a list filtered with
	 * {@link RequestToken#reaches(jakarta.servlet.http.HttpServletRequest, String)}.
	 * Otherwise a token limited to a project or environment is refused there.
	 */
	boolean handlesTokenLimits() default false;

}
