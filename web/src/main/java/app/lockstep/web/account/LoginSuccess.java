package app.lockstep.web.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a right password leads: to the code page when the person has two-factor
 * authentication (the page they wanted stays saved for after the code), else to the page
 * they wanted or the start page.
 */
public final class LoginSuccess implements AuthenticationSuccessHandler {

	private final SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();

	public LoginSuccess() {
		this.signedIn.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (PendingSecondFactor.waiting(authentication)) {
			response.sendRedirect(request.getContextPath() + SecondFactorGate.CODE_PAGE);
			return;
		}
		this.signedIn.onAuthenticationSuccess(request, response, authentication);
	}

}
