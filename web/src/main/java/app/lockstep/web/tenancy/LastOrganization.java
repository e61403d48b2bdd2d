package app.lockstep.web.tenancy;

import java.util.Optional;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;

import org.springframework.stereotype.Component;

/**
 * Remembers which organization a person looked at last, so "/" and the next login go back
 * there.
 */
@Component
public class LastOrganization {

	private final Users users;

	private final Transactions transactions;

	LastOrganization(Users users, Transactions transactions) {
		this.users = users;
		this.transactions = transactions;
	}

	Optional<OrgId> of(UserId user) {
		return this.transactions.global(() -> this.users.findById(user).map(User::lastOrg));
	}

	public void remember(UserId user, OrgId org) {
		this.transactions.global(() -> {
			this.users.rememberLastOrganization(user, org);
			return null;
		});
	}

}
