package app.lockstep.domain.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@Test
	void aLongUncommonPasswordIsAccepted() {
		assertThat(PasswordPolicy.problem("violet-tractor-42-sings", "ann@example.test")).isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedWithTheMinimumLength() {
		assertThat(PasswordPolicy.problem("short", "ann@example.test")).hasValue("Use at least 10 characters.");
	}

	@Test
	void aCommonPasswordIsRefusedWhateverItsCase() {
		assertThat(PasswordPolicy.problem("Password123", "ann@example.test"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("commonly used"));
		assertThat(PasswordPolicy.problem("QWERTYUIOP", "ann@example.test")).isPresent();
	}

	@Test
	void theEmailAddressIsNotAPassword() {
		assertThat(PasswordPolicy.problem("Ann@Example.test", "ann@example.test"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("email"));
	}

}
