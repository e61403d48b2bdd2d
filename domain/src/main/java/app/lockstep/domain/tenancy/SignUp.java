package app.lockstep.domain.tenancy;

import java.time.Clock;
import java.util.Locale;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * A new person signs up and becomes the OWNER of their first organization, all in one
 * transaction.
 */
@UseCase
public final class SignUp {

	private final Users users;

	private final CreateOrganization createOrganization;

	private final PasswordHasher passwordHasher;

	private final Transactions transactions;

	private final Clock clock;

	public SignUp(Users users, CreateOrganization createOrganization, PasswordHasher passwordHasher,
			Transactions transactions, Clock clock) {
		this.users = users;
		this.createOrganization = createOrganization;
		this.passwordHasher = passwordHasher;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Command(String email, String name, String password, String orgName, String orgSlug,
			@Nullable String timeZone, @Nullable String ip) {
	}

	public record Result(UserId user, Organization organization) {
	}

	public Result signUp(Command command) {
		String email = normalizeEmail(command.email());
		Validation validation = new Validation().email("email", email)
			.required("name", command.name(), "your name", 100);
		PasswordPolicy.problem(command.password(), email).ifPresent((problem) -> validation.add("password", problem));
		CreateOrganization.validate(
				new CreateOrganization.Command(command.orgName(), command.orgSlug(), command.timeZone()), validation);
		validation.throwIfInvalid();
		UserId user = UserId.random();
		OrgId org = OrgId.random();
		String hash = this.passwordHasher.hash(command.password());
		Organization organization = this.transactions.inTenant(org, user, () -> {
			this.users.create(user, email, command.name().strip(), hash, this.clock.instant());
			return this.createOrganization.createInCurrentTransaction(org, user, command.name().strip(), command.ip(),
					new CreateOrganization.Command(command.orgName(), command.orgSlug(), command.timeZone()));
		});
		return new Result(user, organization);
	}

	public static String normalizeEmail(@Nullable String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

}
