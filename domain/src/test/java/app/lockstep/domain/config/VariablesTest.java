package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import app.lockstep.domain.shared.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class VariablesTest {

	@Test
	void acceptsTheUsualNames() {
		assertThat(Variables.validate(
				List.of(variable("DATABASE_URL"), variable("_private"), variable("a1"), variable("x".repeat(128)))))
			.isEmpty();
	}

	@Test
	void namesUseLettersDigitsAndUnderscoresNotStartingWithADigit() {
		assertThat(Variables.validate(List.of(variable("OK"), variable("1PASSWORD"), variable("API-KEY"),
				variable("with space"), variable("ÉTÉ"), variable(""))))
			.containsExactly(
					new FieldError("variables[1].name",
							"Use letters, digits and underscores, not starting with a digit"),
					new FieldError("variables[2].name",
							"Use letters, digits and underscores, not starting with a digit"),
					new FieldError("variables[3].name",
							"Use letters, digits and underscores, not starting with a digit"),
					new FieldError("variables[4].name",
							"Use letters, digits and underscores, not starting with a digit"),
					new FieldError("variables[5].name", "Enter a name"));
	}

	@Property
	void aNameOfLettersAndDigitsIsValidUnlessItStartsWithADigit(
			@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String name) {
		boolean valid = Variables.validate(List.of(variable(name))).isEmpty();
		assertThat(valid).isEqualTo(!Character.isDigit(name.charAt(0)));
	}

	@Test
	void namesAreAtMost128Characters() {
		assertThat(Variables.validate(List.of(variable("A".repeat(129)))))
			.containsExactly(new FieldError("variables[0].name", "Keep it to 128 characters or fewer"));
	}

	@Test
	void aNameDefinedTwiceIsReportedOnTheSecond() {
		assertThat(Variables.validate(List.of(variable("A"), variable("B"), variable("A"), variable("a"))))
			.containsExactly(new FieldError("variables[2].name", "Defined twice"));
	}

	@Test
	void valuesAreAtMost32KiBInUtf8() {
		String fits = "x".repeat(32 * 1024);
		String tooLong = "é".repeat(16 * 1024 + 1);
		assertThat(Variables.validate(List.of(new Variable("A", fits, false, Visibility.BOTH),
				new Variable("B", tooLong, true, Visibility.RUNTIME))))
			.containsExactly(new FieldError("variables[1].value", "Keep the value to 32 KiB or less"));
	}

	@Test
	void atMost500Variables() {
		List<Variable> variables = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			variables.add(variable("V" + i));
		}
		assertThat(Variables.validate(variables.subList(0, 500))).isEmpty();
		assertThat(Variables.validate(variables))
			.containsExactly(new FieldError("variables", "Keep it to 500 variables or fewer; there are 501"));
	}

	@Test
	void aSensitiveValueNeverShowsInToString() {
		Variable secret = new Variable("DB_PASSWORD", "hunter2", true, Visibility.RUNTIME);
		assertThat(secret.toString()).contains("DB_PASSWORD", "RUNTIME").doesNotContain("hunter2");
		assertThat(new Variable("APP_ENV", "prod", false, Visibility.BOTH).toString()).contains("prod");
	}

	@Test
	void visibilitiesHaveLabels() {
		assertThat(Visibility.BUILD.label()).isEqualTo("build");
		assertThat(Visibility.BOTH.label()).isEqualTo("both");
	}

	private static Variable variable(String name) {
		return new Variable(name, "value", false, Visibility.BOTH);
	}

}
