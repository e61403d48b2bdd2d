package app.lockstep.web.tenancy;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.shared.SignedInUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds the account behind a login form's email (for {@link LoginAuthentication}, the
 * only place that checks passwords). Whether logging in with the address is locked is not
 * the account's business.
 */
@Service
class AccountLookup {

	private final Users users;

	private final Transactions transactions;

	AccountLookup(Users users, Transactions transactions) {
		this.users = users;
		this.transactions = transactions;
	}

	UserDetails loadUserByUsername(String email) {
		User user = this.transactions.global(() -> this.users.findByEmail(SignUp.normalizeEmail(email)))
			.orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
		String passwordHash = user.passwordHash();
		if (passwordHash == null) {
			// Signs in only through single sign-on: to the password form, as if unknown.
			throw new UsernameNotFoundException("No password for this email");
		}
		return new SignedInUser(user.id(), user.email(), user.name(), passwordHash, false);
	}

}
