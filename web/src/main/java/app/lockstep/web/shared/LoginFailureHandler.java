package app.lockstep.web.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a failed login back to the form, saying whether the account is now locked for a
 * while.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	private final UserDetailsService accounts;

	LoginFailureHandler(UserDetailsService accounts) {
		this.accounts = accounts;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String reason = (failure instanceof LockedException || lockedNow(request.getParameter("username"))) ? "locked"
				: "error";
		response.sendRedirect(request.getContextPath() + "/login?" + reason);
	}

	private boolean lockedNow(@Nullable String username) {
		if (username == null || username.isBlank()) {
			return false;
		}
		try {
			return !this.accounts.loadUserByUsername(username).isAccountNonLocked();
		}
		catch (UsernameNotFoundException ex) {
			return false;
		}
	}

}
