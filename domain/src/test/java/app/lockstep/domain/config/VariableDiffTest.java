package app.lockstep.domain.config;

import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.config.ChangeKind.ADDED;
import static app.lockstep.domain.config.ChangeKind.CHANGED;
import static app.lockstep.domain.config.ChangeKind.REMOVED;
import static app.lockstep.domain.config.ChangeKind.SAME;
import static app.lockstep.domain.config.Visibility.BOTH;
import static app.lockstep.domain.config.Visibility.BUILD;
import static app.lockstep.domain.config.Visibility.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;

class VariableDiffTest {

	@Test
	void listsWhatWasAddedRemovedAndChangedSortedByName() {
		List<VariableState> before = List.of(plain("DEBUG", "1", BOTH), plain("APP_ENV", "staging", BOTH),
				plain("LOG_LEVEL", "info", RUNTIME));
		List<VariableState> after = List.of(plain("APP_ENV", "production", BOTH), plain("LOG_LEVEL", "info", RUNTIME),
				plain("CACHE_TTL", "300", RUNTIME));
		assertThat(VariableDiff.between(before, after)).containsExactly(
				new VariableChange("APP_ENV", CHANGED, "staging", "production", false),
				new VariableChange("CACHE_TTL", ADDED, null, "300", false),
				new VariableChange("DEBUG", REMOVED, "1", null, false));
	}

	@Test
	void withUnchangedAlsoListsWhatStayedTheSame() {
		assertThat(VariableDiff.withUnchanged(List.of(plain("A", "1", BOTH), secret("B", "x", BOTH)),
				List.of(plain("A", "1", BOTH), secret("B", "x", BOTH))))
			.containsExactly(new VariableChange("A", SAME, "1", "1", false),
					new VariableChange("B", SAME, null, null, true));
	}

	@Test
	void aSensitiveValueThatChangedShowsOnlyThatItChanged() {
		assertThat(VariableDiff.between(List.of(secret("DB_PASSWORD", "old-secret", RUNTIME)),
				List.of(secret("DB_PASSWORD", "new-secret", RUNTIME))))
			.containsExactly(new VariableChange("DB_PASSWORD", CHANGED, null, null, true));
		assertThat(VariableDiff.between(List.of(), List.of(secret("API_KEY", "k", RUNTIME))))
			.containsExactly(new VariableChange("API_KEY", ADDED, null, null, true));
	}

	@Test
	void aChangeOfVisibilityOrSensitivityIsAChangeToo() {
		assertThat(VariableDiff.between(List.of(plain("A", "1", RUNTIME), secret("B", "s", BUILD)),
				List.of(plain("A", "1", BOTH), secret("B", "s", BOTH))))
			.containsExactly(new VariableChange("A", CHANGED, "runtime", "both", false),
					new VariableChange("B", CHANGED, "build", "both", true));
		assertThat(
				VariableDiff.between(List.of(plain("TOKEN", "abc", RUNTIME)), List.of(secret("TOKEN", "abc", RUNTIME))))
			.containsExactly(new VariableChange("TOKEN", CHANGED, "not sensitive", "sensitive", true));
		assertThat(VariableDiff.between(List.of(plain("A", "1", RUNTIME)), List.of(plain("A", "2", BOTH))))
			.containsExactly(new VariableChange("A", CHANGED, "1 (runtime)", "2 (both)", false));
	}

	@Test
	void aSensitiveStateNeverCarriesItsValue() {
		assertThat(new VariableState("A", "fp", "value", true, BOTH).displayValue()).isNull();
		assertThat(VariableState.of(new Variable("A", "value", true, BOTH), "fp").displayValue()).isNull();
		assertThat(VariableState.of(new Variable("A", "value", false, BOTH), "fp").displayValue()).isEqualTo("value");
	}

	@Property
	void noChangeEverShowsASensitiveValue(@ForAll("variables") List<Variable> before,
			@ForAll("variables") List<Variable> after) {
		List<VariableChange> changes = VariableDiff.withUnchanged(states(before), states(after));
		assertThat(changes.stream().flatMap((change) -> Stream.of(change.before(), change.after(), change.toString())))
			.allSatisfy((text) -> assertThat(String.valueOf(text)).doesNotContain("SECRET"));
		assertThat(changes).extracting(VariableChange::name).isSorted().doesNotHaveDuplicates();
	}

	@Provide
	Arbitrary<List<Variable>> variables() {
		Arbitrary<Variable> variable = Combinators
			.combine(Arbitraries.of("A", "B", "C", "D"), Arbitraries.of("1", "2"), Arbitraries.of(true, false),
					Arbitraries.of(Visibility.class))
			.as((name, value, sensitive, visibility) -> new Variable(name, (sensitive ? "SECRET-" : "plain-") + value,
					sensitive, visibility));
		return variable.list().ofMaxSize(4).uniqueElements(Variable::name);
	}

	private static List<VariableState> states(List<Variable> variables) {
		return variables.stream().map((variable) -> VariableState.of(variable, fingerprint(variable.value()))).toList();
	}

	private static String fingerprint(String value) {
		return Integer.toHexString(value.replace("SECRET-", "").replace("plain-", "").hashCode());
	}

	private static VariableState plain(String name, String value, Visibility visibility) {
		return new VariableState(name, fingerprint(value), value, false, visibility);
	}

	private static VariableState secret(String name, String value, Visibility visibility) {
		return new VariableState(name, fingerprint(value), null, true, visibility);
	}

}
