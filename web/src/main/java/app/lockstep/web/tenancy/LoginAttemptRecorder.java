package app.lockstep.web.tenancy;

import app.lockstep.domain.tenancy.LoginAttempts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account (and clears the count on success), so guessing gets
 * the account locked.
 */
@Component
class LoginAttemptRecorder {

	private final LoginAttempts loginAttempts;

	LoginAttemptRecorder(LoginAttempts loginAttempts) {
		this.loginAttempts = loginAttempts;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		this.loginAttempts.failed(event.getAuthentication().getName());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.loginAttempts.succeeded(event.getAuthentication().getName());
	}

}
