package app.lockstep.domain.deploy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import app.lockstep.domain.project.Tier;
import app.lockstep.domain.access.Role;
import org.jspecify.annotations.Nullable;

/**
 * An environment's approval gate: how many approvals a deployment needs, from which
 * roles, whether the requester may approve their own request, how long an approval stays
 * valid, and the environment (by name) where the artifact must have succeeded before
 * (promotion), if any.
 */
public record ApprovalPolicy(int requiredApprovals, Set<Role> approverRoles, boolean allowSelfApproval,
		int approvalValidHours, @Nullable String requiresSuccessIn, @Nullable Instant updatedAt,
		@Nullable String updatedByName) {

	public static final int MAX_APPROVALS = 10;

	public static final int MAX_VALID_HOURS = 8760;

	/** The roles that may approve at all (viewers and auditors never do). */
	public static final Set<Role> ELIGIBLE_ROLES = EnumSet.of(Role.OWNER, Role.ADMIN, Role.LEAD, Role.DEVELOPER);

	public ApprovalPolicy {
		approverRoles = Set.copyOf(approverRoles);
	}

	/**
	 * The gate of an environment that has none saved: production needs one approval by a
	 * lead, admin or owner other than the requester, valid 72 hours; other tiers need
	 * none.
	 */
	public static ApprovalPolicy defaultFor(Tier tier) {
		return new ApprovalPolicy((tier == Tier.PRODUCTION) ? 1 : 0, EnumSet.of(Role.LEAD, Role.ADMIN, Role.OWNER),
				false, 72, null, null, null);
	}

	public boolean isDefault() {
		return this.updatedAt == null;
	}

	public boolean allowsApprovalBy(Role role) {
		return this.approverRoles.contains(role);
	}

	/**
	 * Whether a member with this role decides (approves or rejects) under this gate: a
	 * role that decides at all and that the gate names. The one rule the use cases and
	 * the pages ask.
	 */
	public boolean letsDecide(Role role) {
		return decidesAtAll(role) && allowsApprovalBy(role);
	}

	/**
	 * Whether a member with this role decides under some gate (viewers and auditors
	 * never).
	 */
	public static boolean decidesAtAll(Role role) {
		return ELIGIBLE_ROLES.contains(role);
	}

}
