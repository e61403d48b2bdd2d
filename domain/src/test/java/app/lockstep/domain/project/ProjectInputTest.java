package app.lockstep.domain.project;

import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectInputTest {

	@Test
	void theSlugNewIsRefusedBecauseItsPageWouldBeTheNewProjectForm() {
		Validation validation = new Validation();
		new ProjectInput("new", "New", null, null).validate(validation, true);
		assertThatThrownBy(validation::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(
						new FieldError("slug", "\"new\" is reserved for Lockstep's own pages; choose another slug.")));
	}

	@Test
	void slugsThatMerelyContainNewAreFine() {
		Validation validation = new Validation();
		new ProjectInput("new-shop", "New shop", null, null).validate(validation, true);
		assertThat(validation.hasErrors()).isFalse();
	}

	@Test
	void aMissingSlugGetsTheUsualMessage() {
		Validation validation = new Validation();
		new ProjectInput(null, "Shop", null, null).validate(validation, true);
		assertThatThrownBy(validation::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class,
				(ex) -> assertThat(ex.errors()).extracting(FieldError::message)
					.containsExactly("Enter a slug: lowercase letters, digits and dashes, for example \"my-shop\"."));
	}

	@Test
	void anUpdateThatLeavesTheSlugAloneIsNotCheckedForIt() {
		Validation validation = new Validation();
		new ProjectInput(null, "Renamed", null, null).validate(validation, false);
		assertThat(validation.hasErrors()).isFalse();
	}

}
