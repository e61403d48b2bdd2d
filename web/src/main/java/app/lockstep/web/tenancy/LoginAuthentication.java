package app.lockstep.web.tenancy;

import java.time.Instant;

import app.lockstep.domain.tenancy.LoginAttempts;
import app.lockstep.web.account.PendingSecondFactors;
import app.lockstep.web.shared.SignedInUser;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The form login's password check, with the lockout around it: the attempt is counted
 * ({@link LoginAttempts#admit}) before the password is looked at, so concurrent guesses
 * beyond the limit are refused as locked without being checked; a wrong password may lock
 * the address; a right one clears its count.
 * <p>
 * Addresses without an account go through the same steps (Spring's provider compares
 * against a dummy hash for them, taking as long as a real check), so the answers, "wrong
 * email or password" and "locked", never tell which addresses have accounts.
 */
@Component
class LoginAuthentication implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginAttempts attempts;

	private final PendingSecondFactors secondFactors;

	LoginAuthentication(AccountLookup accounts, PasswordEncoder encoder, LoginAttempts attempts,
			PendingSecondFactors secondFactors) {
		this.passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
		this.passwords.setPasswordEncoder(encoder);
		this.attempts = attempts;
		this.secondFactors = secondFactors;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = authentication.getName();
		Instant locked = this.attempts.admit(email);
		if (locked != null) {
			throw new LockedException("Too many unsuccessful logins with this email address");
		}
		Authentication authenticated;
		try {
			authenticated = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			if (this.attempts.failed(email) != null) {
				throw new LockedException("Too many unsuccessful logins with this email address", ex);
			}
			throw ex;
		}
		this.attempts.succeeded(email);
		if (authenticated.getPrincipal() instanceof SignedInUser user) {
			// With two-factor authentication, the password only opens the code page.
			return this.secondFactors.afterPassword(user, authenticated);
		}
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
