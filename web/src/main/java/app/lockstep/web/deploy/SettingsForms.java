package app.lockstep.web.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureDeployTarget;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** The two forms of the deployment settings page, as typed. */
final class SettingsForms {

	/**
	 * The roles the approver checkboxes offer, in this order: those the domain lets
	 * decide at all.
	 */
	static final List<String> APPROVER_ROLES = Arrays.stream(Role.values())
		.filter(ApprovalPolicy::decidesAtAll)
		.map(Role::name)
		.toList();

	private SettingsForms() {
	}

	/** The approval gate form. */
	record PolicyForm(String requiredApprovals, List<String> approverRoles, boolean allowSelfApproval,
			String approvalValidHours, String requiresSuccessIn) {

		static PolicyForm of(ApprovalPolicy policy) {
			return new PolicyForm(String.valueOf(policy.requiredApprovals()),
					policy.approverRoles().stream().map(Role::name).toList(), policy.allowSelfApproval(),
					String.valueOf(policy.approvalValidHours()),
					(policy.requiresSuccessIn() != null) ? policy.requiresSuccessIn() : "");
		}

		static PolicyForm from(HttpServletRequest request) {
			@Nullable String[] roles = request.getParameterValues("approverRoles");
			return new PolicyForm(text(request, "requiredApprovals"),
					(roles != null) ? Arrays.stream(roles).filter((r) -> r != null && !r.isBlank()).toList()
							: List.of(),
					request.getParameter("allowSelfApproval") != null, text(request, "approvalValidHours"),
					text(request, "requiresSuccessIn"));
		}

		public boolean has(String role) {
			return this.approverRoles.contains(role);
		}

		ConfigureApprovalPolicy.Input toInput() {
			Validation validation = new Validation();
			Integer required = number(validation, "requiredApprovals", this.requiredApprovals,
					"Give the number of approvals as a whole number, such as 1.");
			Integer hours = number(validation, "approvalValidHours", this.approvalValidHours,
					"Give the hours as a whole number, such as 72.");
			validation.throwIfInvalid();
			return new ConfigureApprovalPolicy.Input(required, this.approverRoles, this.allowSelfApproval, hours,
					this.requiresSuccessIn);
		}

	}

	/** The deploy target form; the secret is never filled back. */
	record TargetForm(String type, String url, String timeoutMinutes) {

		static TargetForm of(DeployTarget target) {
			return new TargetForm(target.type().value(), (target.url() != null) ? target.url() : "",
					String.valueOf(target.timeoutMinutes()));
		}

		static TargetForm from(HttpServletRequest request) {
			return new TargetForm(text(request, "type").toLowerCase(Locale.ROOT), text(request, "url"),
					text(request, "timeoutMinutes"));
		}

		public boolean webhook() {
			return "webhook".equals(this.type);
		}

		ConfigureDeployTarget.Input toInput(@Nullable String secret) {
			Validation validation = new Validation();
			Integer timeout = number(validation, "timeoutMinutes", this.timeoutMinutes,
					"Give the minutes as a whole number, such as 60.");
			validation.throwIfInvalid();
			return new ConfigureDeployTarget.Input(this.type, this.url, secret, timeout);
		}

	}

	static @Nullable Integer number(Validation validation, String field, String text, String message) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			validation.add(field, "\u201c" + text.strip() + "\u201d is not a number. " + message);
			return null;
		}
	}

	private static String text(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return (value != null) ? value : "";
	}

}
