package app.lockstep.domain.shared;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationTest {

	@Test
	void slugsAreLowercaseLettersDigitsAndSingleDashes() {
		assertThat(new Validation().slug("slug", "my-shop-2").hasErrors()).isFalse();
		for (String bad : new String[] { "My-Shop", "my_shop", "-shop", "shop-", "my--shop", "sh op", "", "ü" }) {
			assertThatThrownBy(() -> new Validation().slug("slug", bad).throwIfInvalid()).as(bad)
				.isInstanceOfSatisfying(ValidationException.class,
						(ex) -> assertThat(ex.errors()).singleElement().satisfies((error) -> {
							assertThat(error.field()).isEqualTo("slug");
							assertThat(error.message()).containsAnyOf("lowercase", "Enter a slug");
						}));
		}
	}

	@Property
	void anythingOutsideTheAlphabetIsRefused(@ForAll @StringLength(min = 1, max = 30) String value) {
		boolean valid = value.matches("^[a-z0-9]+(-[a-z0-9]+)*$");
		assertThat(new Validation().slug("slug", value).hasErrors()).isEqualTo(!valid);
	}

	@Test
	void timeZonesMustBeRealRegions() {
		assertThat(new Validation().timeZone("tz", "Europe/Paris").hasErrors()).isFalse();
		assertThat(new Validation().timeZone("tz", "Mars/Olympus").hasErrors()).isTrue();
	}

	@Test
	void oneSubmissionReportsEveryProblemOncePerField() {
		Validation validation = new Validation().required("name", "", "a name", 10)
			.slug("slug", "BAD")
			.required("name", null, "a name", 10);
		assertThatThrownBy(validation::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class,
				(ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("name", "slug"));
	}

}
