package app.lockstep.web.tenancy;

import java.time.Clock;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.shared.SignedInUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds the account behind a login form's email, including whether it is locked after
 * failed attempts.
 */
@Service
class AccountLookup implements UserDetailsService {

	private final Users users;

	private final Transactions transactions;

	private final Clock clock;

	AccountLookup(Users users, Transactions transactions, Clock clock) {
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		User user = this.transactions.global(() -> this.users.findByEmail(SignUp.normalizeEmail(email)))
			.orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
		return new SignedInUser(user.id(), user.email(), user.name(), user.passwordHash(),
				user.lockedAt(this.clock.instant()));
	}

}
