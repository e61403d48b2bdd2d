package app.lockstep.web.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a failed login back to the form, saying whether logging in with the address is
 * now locked for a while. The answer depends only on the attempts made with the address,
 * never on whether an account has it.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String reason = (failure instanceof LockedException) ? "locked" : "error";
		response.sendRedirect(request.getContextPath() + "/login?" + reason);
	}

}
