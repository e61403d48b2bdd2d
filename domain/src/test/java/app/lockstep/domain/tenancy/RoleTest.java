package app.lockstep.domain.tenancy;

import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {

	@Test
	void ownersMayDoEverything() {
		for (Permission permission : Permission.values()) {
			assertThat(Role.OWNER.allows(permission)).as(permission.name()).isTrue();
		}
	}

	@Test
	void adminsManageMembersButNotOwnersNorSettings() {
		assertThat(Role.ADMIN.allows(Permission.MANAGE_MEMBERS)).isTrue();
		assertThat(Role.ADMIN.allows(Permission.MANAGE_OWNERS)).isFalse();
		assertThat(Role.ADMIN.allows(Permission.MANAGE_SETTINGS)).isFalse();
		assertThat(Role.ADMIN.allows(Permission.MANAGE_POLICIES)).isTrue();
	}

	@Test
	void aLeadIsADeveloperWhoAlsoApproves() {
		for (Permission permission : Permission.values()) {
			if (Role.DEVELOPER.allows(permission)) {
				assertThat(Role.LEAD.allows(permission)).as(permission.name()).isTrue();
			}
		}
		assertThat(Role.LEAD.allows(Permission.APPROVE_DEPLOYMENTS)).isTrue();
		assertThat(Role.DEVELOPER.allows(Permission.APPROVE_DEPLOYMENTS)).isFalse();
	}

	@Test
	void viewersAndAuditorsChangeNothingAndViewersSeeNoSecrets() {
		for (Role role : new Role[] { Role.VIEWER, Role.AUDITOR }) {
			assertThat(role.allows(Permission.EDIT_PROJECTS)).isFalse();
			assertThat(role.allows(Permission.EDIT_CONFIG)).isFalse();
			assertThat(role.allows(Permission.MANAGE_MEMBERS)).isFalse();
			assertThat(role.allows(Permission.READ_SECRETS)).isFalse();
		}
		assertThat(Role.AUDITOR.allows(Permission.READ_AUDIT)).isTrue();
		// The one thing an auditor may add: a signed checkpoint (decision 13).
		assertThat(Role.AUDITOR.allows(Permission.SIGN_CHECKPOINTS)).isTrue();
		assertThat(Role.VIEWER.allows(Permission.SIGN_CHECKPOINTS)).isFalse();
		assertThat(Role.LEAD.allows(Permission.SIGN_CHECKPOINTS)).isFalse();
		assertThat(Role.ADMIN.allows(Permission.SIGN_CHECKPOINTS)).isTrue();
		assertThat(Role.VIEWER.allows(Permission.READ_AUDIT)).isFalse();
		assertThat(Role.AUDITOR.allows(Permission.VIEW_MEMBERS)).isFalse();
	}

}
