package app.lockstep.domain.deploy;

import java.util.Objects;

import app.lockstep.domain.project.Environment;
import org.jspecify.annotations.Nullable;

/**
 * The gate that applies to an environment and where each part comes from: the approvals
 * from the organization's gate, the environment's own or its tier's default; the
 * promotion rule ({@code requiresSuccessIn}) always from the environment. {@code locked}
 * when the organization's gate applies and may not be overridden.
 */
public record EffectiveGate(ApprovalPolicy policy, Source approvalsFrom, boolean locked,
		@Nullable OrganizationGate organizationGate) {

	public enum Source {

		ENVIRONMENT, ORGANIZATION, DEFAULT

	}

	/** The gate of {@code environment}, given its saved one and the organization's. */
	public static EffectiveGate resolve(Environment environment, @Nullable ApprovalPolicy saved,
			@Nullable OrganizationGate gate) {
		OrganizationGate applying = (gate != null && gate.appliesTo(environment)) ? gate : null;
		if (applying != null && (!applying.overridable() || saved == null)) {
			ApprovalPolicy org = applying.policy();
			ApprovalPolicy combined = new ApprovalPolicy(org.requiredApprovals(), org.approverRoles(),
					org.allowSelfApproval(), org.approvalValidHours(),
					(saved != null) ? saved.requiresSuccessIn() : null, applying.updatedAt(), applying.updatedByName());
			return new EffectiveGate(combined, Source.ORGANIZATION, !applying.overridable(), applying);
		}
		if (saved != null) {
			return new EffectiveGate(saved, Source.ENVIRONMENT, false, applying);
		}
		return new EffectiveGate(ApprovalPolicy.defaultFor(environment.tier()), Source.DEFAULT, false, null);
	}

	/** Where the approvals come from, in words. */
	public String approvalsSource() {
		return switch (this.approvalsFrom) {
			case ORGANIZATION -> "the organization's gate for production, set by "
					+ Objects.requireNonNull(this.organizationGate).updatedByName()
					+ (this.locked ? " (environments cannot override it)" : " (this environment has none of its own)");
			case ENVIRONMENT -> "this environment's own gate"
					+ ((this.organizationGate != null) ? ", which overrides the organization's" : "");
			case DEFAULT -> "the default for its tier";
		};
	}

}
