package app.lockstep.domain.deploy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.testing.AcmeShopOnFakes;
import app.lockstep.domain.window.ConfigureOrganizationWindows;
import app.lockstep.domain.window.EffectiveWindows;
import app.lockstep.domain.window.WindowChanges;
import app.lockstep.domain.window.WindowRulesInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The organization's gate and windows for production on in-memory fakes: where they apply
 * (production of every project or chosen ones), when an environment's own rules win
 * (overridable and saved), and that a locked policy refuses the environment's own change;
 * requests follow the gate that applies.
 */
class OrganizationPoliciesTest {

	private final AcmeShopOnFakes world = new AcmeShopOnFakes();

	private final ConfigureOrganizationGate gates = new ConfigureOrganizationGate(this.world.fakes.projects,
			this.world.fakes.policies, this.world.fakes.auditLog, this.world.fakes.transactions,
			this.world.fakes.clock);

	private final ConfigureApprovalPolicy environmentGates = new ConfigureApprovalPolicy(
			new DeploymentPlaces(this.world.fakes.projects, this.world.fakes.environments,
					this.world.fakes.deployments),
			this.world.fakes.environments, this.world.fakes.policies, this.world.fakes.auditLog,
			this.world.fakes.transactions, this.world.fakes.clock);

	private final Project blog = this.world.fakes.project(this.world.org, "blog");

	private final Environment blogProduction = this.world.fakes.environment(this.world.org, this.blog, "production",
			Tier.PRODUCTION, 1);

	@Test
	void aLockedGateForChosenProjectsAppliesToTheirProductionOnlyAndRefusesTheirOwnChanges() {
		gate(2, List.of("shop"), false);

		Deployment shop = this.world.request.request(this.world.dev, "shop", "production",
				new RequestDeployment.Input("2.0.0", null, null, "queue", null, false, null));
		assertThat(shop.approvalsRequired()).isEqualTo(2);
		EffectiveGate effective = this.environmentGates.effective(this.world.dev, "shop", "production");
		assertThat(effective.approvalsFrom()).isEqualTo(EffectiveGate.Source.ORGANIZATION);
		assertThat(effective.locked()).isTrue();
		assertThat(effective.approvalsSource()).contains("cannot override");
		assertThat(this.environmentGates.effective(this.world.dev, "shop", "staging").approvalsFrom())
			.isEqualTo(EffectiveGate.Source.DEFAULT);
		assertThat(this.environmentGates.effective(this.world.dev, "blog", "production").approvalsFrom())
			.as("blog was not chosen")
			.isEqualTo(EffectiveGate.Source.DEFAULT);
		assertThatThrownBy(() -> this.environmentGates.update(this.world.admin, "shop", "production",
				new ConfigureApprovalPolicy.Input(0, List.of(), false, 72, null)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("organization's policies page");
	}

	@Test
	void anOverridableGateAppliesWhereAnEnvironmentHasNoneOfItsOwnAndKeepsTheirPromotionRule() {
		this.environmentGates.update(this.world.admin, "shop", "production",
				new ConfigureApprovalPolicy.Input(1, List.of("LEAD"), false, 24, "staging"));
		gate(3, List.of(), true);

		assertThat(this.environmentGates.effective(this.world.dev, "shop", "production").policy().requiredApprovals())
			.as("shop's own gate wins")
			.isEqualTo(1);
		EffectiveGate blog = this.environmentGates.effective(this.world.dev, "blog", "production");
		assertThat(blog.approvalsFrom()).isEqualTo(EffectiveGate.Source.ORGANIZATION);
		assertThat(blog.policy().requiredApprovals()).isEqualTo(3);

		gate(3, List.of(), false);
		EffectiveGate locked = this.environmentGates.effective(this.world.dev, "shop", "production");
		assertThat(locked.policy().requiredApprovals()).isEqualTo(3);
		assertThat(locked.policy().requiresSuccessIn()).as("promotion stays the environment's").isEqualTo("staging");
	}

	@Test
	void onlyPolicyManagersSetItAndBadInputIsRefusedFieldByField() {
		assertThatThrownBy(() -> this.gates.update(this.world.dev,
				new ConfigureOrganizationGate.Input(true, 1, List.of("LEAD"), false, 72, null, false)))
			.isInstanceOf(ForbiddenException.class);
		ValidationException invalid = catchThrowableOfType(ValidationException.class, () -> this.gates.update(
				this.world.admin,
				new ConfigureOrganizationGate.Input(true, 11, List.of("AUDITOR"), false, 0, List.of("nope"), false)));
		assertThat(invalid.errors()).extracting(FieldError::field)
			.containsExactly("requiredApprovals", "approverRoles", "approvalValidHours", "projects");
		assertThat(this.gates.view(this.world.dev).gate()).isNull();
		gate(1, List.of(), false);
		this.gates.update(this.world.admin,
				new ConfigureOrganizationGate.Input(false, null, null, null, null, null, null));
		assertThat(this.gates.view(this.world.dev).gate()).isNull();
		assertThat(this.world.fakes.auditLog.entries(this.world.org, "organization_gate.updated")).hasSize(2);
	}

	@Test
	void organizationWindowsReplaceProductionsDefaultAndALockedSetReplacesTheirOwn() {
		ConfigureOrganizationWindows windows = new ConfigureOrganizationWindows(this.world.fakes.projects,
				this.world.fakes.windows, this.world.fakes.auditLog, this.world.fakes.transactions,
				this.world.fakes.clock, WindowChanges.NONE);
		WindowRulesInput mondays = new WindowRulesInput("UTC",
				List.of(new WindowRulesInput.BlockInput("No Monday deploys", List.of("MONDAY"), "00:00", "24:00")),
				null, null);
		windows.update(this.world.admin, new ConfigureOrganizationWindows.Input(true, mondays, List.of("shop"), true));

		EffectiveWindows shop = this.world.fakes.windowCheck().effective(this.world.org, this.world.production);
		assertThat(shop.fromOrganization()).isTrue();
		assertThat(shop.locked()).isFalse();
		assertThat(shop.rules().blocks()).singleElement()
			.satisfies((block) -> assertThat(block.days()).containsExactly(DayOfWeek.MONDAY));
		assertThat(shop.evaluate(Instant.parse("2026-12-07T10:00:00Z")).open()).as("a Monday").isFalse();
		assertThat(shop.evaluate(Instant.parse("2026-12-04T10:00:00Z")).open()).as("Friday is open now").isTrue();
		assertThat(this.world.fakes.windowCheck().effective(this.world.org, this.blogProduction).fromOrganization())
			.isFalse();
		assertThat(this.world.fakes.windowCheck().effective(this.world.org, this.world.staging).fromOrganization())
			.isFalse();

		this.world.fakes.windows.save(this.world.org, this.world.production.id(),
				new app.lockstep.domain.window.WindowRules(ZoneId.of("UTC"), List.of(), List.of(), List.of()),
				this.world.admin.userId(), "Ada", this.world.fakes.clock.instant());
		assertThat(this.world.fakes.windowCheck().effective(this.world.org, this.world.production).fromOrganization())
			.as("overridable: its own saved windows win")
			.isFalse();
		windows.update(this.world.admin, new ConfigureOrganizationWindows.Input(true, mondays, List.of("shop"), false));
		EffectiveWindows locked = this.world.fakes.windowCheck().effective(this.world.org, this.world.production);
		assertThat(locked.fromOrganization()).isTrue();
		assertThat(locked.locked()).isTrue();
	}

	private void gate(int approvals, List<String> projects, boolean overridable) {
		this.gates.update(this.world.admin, new ConfigureOrganizationGate.Input(true, approvals,
				List.of(Role.LEAD.name(), Role.ADMIN.name()), false, 72, projects, overridable));
	}

}
