package app.lockstep.domain.shared;

import java.util.function.Supplier;

/**
 * The unit-of-work boundary. Everything a use case loads, decides and writes, including
 * its audit event, runs in one transaction bound to one tenant (row-level security sees
 * only that organization).
 * <p>
 * No statement of a unit of work may keep the database busy for long: one that runs past
 * the statement timeout is cancelled, the transaction rolls back and the call throws
 * {@link TimedOutException}. Only {@link #inTenantLongRunning} gets a longer limit.
 */
public interface Transactions {

	<T> T inTenant(OrgId org, Supplier<T> work);

	/**
	 * As {@link #inTenant(OrgId, Supplier)}, for the few units of work that legitimately
	 * read a great deal in one statement (exporting or verifying a whole audit chain):
	 * their statements may run for the long statement timeout instead of the short one.
	 */
	<T> T inTenantLongRunning(OrgId org, Supplier<T> work);

	/**
	 * A transaction bound to a tenant and a signed-in person (who may also read their own
	 * memberships).
	 */
	<T> T inTenant(OrgId org, UserId user, Supplier<T> work);

	/**
	 * A transaction bound to no tenant: it sees only global rows (people), and the
	 * person's own memberships.
	 */
	<T> T asUser(UserId user, Supplier<T> work);

	/**
	 * A transaction bound to no tenant and no person: only global rows (people) are
	 * visible.
	 */
	<T> T global(Supplier<T> work);

	/**
	 * A transaction that may read the one invitation whose token hash is given, whatever
	 * its organization.
	 */
	<T> T forInvitation(String tokenHash, Supplier<T> work);

	/**
	 * A transaction that may read the one API token whose hash is given, whatever its
	 * organization (authentication, before the organization is known).
	 */
	<T> T forApiToken(String tokenHash, Supplier<T> work);

	/**
	 * A transaction that may read the one project webhook whose hook id is given,
	 * whatever its organization (receiving a delivery, before the organization is known).
	 */
	<T> T forWebhook(String hookId, Supplier<T> work);

	/**
	 * A transaction that may read the single sign-on provider registered under this id,
	 * or the one whose organization verified this email domain, whatever its organization
	 * (signing in, before the organization is known).
	 */
	<T> T forSsoLookup(String registrationIdOrDomain, Supplier<T> work);

	/**
	 * A read-only look across organizations for the deployment scheduler: it may read
	 * which deployments are due (ids only), never write; each one is then handled in a
	 * transaction bound to its organization.
	 */
	<T> T forScheduler(Supplier<T> work);

}
