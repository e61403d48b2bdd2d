package app.lockstep.domain.testing;

import java.util.function.Supplier;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * {@link Transactions} for unit tests: runs the work directly, in the calling thread,
 * with no isolation and <em>no rollback</em>. What a use case wrote before it threw stays
 * written, so a test that asserts "nothing was saved" after a refusal checks that the use
 * case refused before writing, which is stronger than what the database tests can see. It
 * counts the units of work and remembers the organization of the last one, for tests that
 * care.
 */
public final class DirectTransactions implements Transactions {

	private int units;

	private @Nullable OrgId lastOrg;

	/** How many units of work were run (nested ones included). */
	public int units() {
		return this.units;
	}

	/** The organization the last tenant-bound unit of work was bound to. */
	public @Nullable OrgId lastOrg() {
		return this.lastOrg;
	}

	private <T> T run(@Nullable OrgId org, Supplier<T> work) {
		this.units++;
		if (org != null) {
			this.lastOrg = org;
		}
		return work.get();
	}

	@Override
	public <T> T inTenant(OrgId org, Supplier<T> work) {
		return run(org, work);
	}

	@Override
	public <T> T inTenantLongRunning(OrgId org, Supplier<T> work) {
		return run(org, work);
	}

	@Override
	public <T> T inTenant(OrgId org, UserId user, Supplier<T> work) {
		return run(org, work);
	}

	@Override
	public <T> T asUser(UserId user, Supplier<T> work) {
		return run(null, work);
	}

	@Override
	public <T> T global(Supplier<T> work) {
		return run(null, work);
	}

	@Override
	public <T> T forInvitation(String tokenHash, Supplier<T> work) {
		return run(null, work);
	}

	@Override
	public <T> T forApiToken(String tokenHash, Supplier<T> work) {
		return run(null, work);
	}

	@Override
	public <T> T forWebhook(String hookId, Supplier<T> work) {
		return run(null, work);
	}

	@Override
	public <T> T forSsoLookup(String registrationIdOrDomain, Supplier<T> work) {
		return run(null, work);
	}

	@Override
	public <T> T forScheduler(Supplier<T> work) {
		return run(null, work);
	}

}
