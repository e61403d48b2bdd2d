package app.lockstep.web.account;

import java.time.Clock;

import app.lockstep.domain.twofactor.SecondFactorCheck;
import app.lockstep.web.shared.SignedInUser;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Decides what a right password gives: the signed-in person, or, when they have
 * two-factor authentication, a session that still waits for their code.
 */
@Component
public class PendingSecondFactors {

	private final SecondFactorCheck check;

	private final Clock clock;

	PendingSecondFactors(SecondFactorCheck check, Clock clock) {
		this.check = check;
		this.clock = clock;
	}

	public Authentication afterPassword(SignedInUser user, Authentication authenticated) {
		if (this.check.enabledFor(user.id())) {
			return new PendingSecondFactor(user, this.clock.instant());
		}
		return authenticated;
	}

}
