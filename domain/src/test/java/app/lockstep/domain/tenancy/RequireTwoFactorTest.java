package app.lockstep.domain.tenancy;

import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.testing.Fakes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Only owners switch an organization's two-factor requirement; each change is one audit
 * event with before and after, a repeat changes nothing, and renaming the organization
 * keeps the requirement.
 */
class RequireTwoFactorTest {

	private final Fakes fakes = Fakes.at("2026-12-04T09:00:00Z");

	private final Organization acme = this.fakes.organization("acme");

	private final RequireTwoFactor require = new RequireTwoFactor(this.fakes.organizations, this.fakes.auditLog,
			this.fakes.transactions);

	@Test
	void anOwnerRequiresItOnceAuditedAndARenameKeepsIt() {
		Caller owner = this.fakes.member(this.acme, "Olivia", Role.OWNER);
		assertThat(this.require.set(owner, true).requiresTwoFactor()).isTrue();
		this.require.set(owner, true);
		assertThat(this.fakes.auditLog.entries(this.acme.id(), "organization.two_factor_policy_changed")).hasSize(1);
		assertThat(this.fakes.auditLog.last(this.acme.id()).details())
			.isEqualTo(Map.of("changes", Map.of("requireTwoFactor", Map.of("before", false, "after", true))));

		Organization stored = this.fakes.organizations.findById(this.acme.id()).orElseThrow();
		Caller ownerNow = this.fakes.member(stored, "Olivia", Role.OWNER);
		Organization renamed = new UpdateOrganization(this.fakes.organizations, this.fakes.auditLog,
				this.fakes.transactions)
			.update(ownerNow, "Acme Renamed", "Europe/Paris");
		assertThat(renamed.requiresTwoFactor()).isTrue();
		assertThat(this.fakes.organizations.findById(this.acme.id()).orElseThrow().requiresTwoFactor()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "OWNER", mode = EnumSource.Mode.EXCLUDE)
	void nobodyElseMay(Role role) {
		Caller someone = this.fakes.member(this.acme, "Someone", role);
		assertThatThrownBy(() -> this.require.set(someone, true)).isInstanceOf(ForbiddenException.class);
		assertThat(this.fakes.organizations.findById(this.acme.id()).orElseThrow().requiresTwoFactor()).isFalse();
		assertThat(this.fakes.auditLog.entries(this.acme.id(), "organization.two_factor_policy_changed")).isEmpty();
	}

}
