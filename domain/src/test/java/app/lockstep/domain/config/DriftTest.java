package app.lockstep.domain.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.config.ChangeKind.ADDED;
import static app.lockstep.domain.config.ChangeKind.CHANGED;
import static app.lockstep.domain.config.ChangeKind.REMOVED;
import static app.lockstep.domain.config.ChangeKind.SAME;
import static app.lockstep.domain.config.Visibility.BOTH;
import static app.lockstep.domain.config.Visibility.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftTest {

	private static final List<VariableState> STAGING_VARS = List.of(plain("APP_ENV", "staging", BOTH),
			secret("DB_PASSWORD", "fp-1", RUNTIME), secret("API_KEY", "fp-2", RUNTIME), plain("DEBUG", "1", RUNTIME));

	private static final List<VariableState> PRODUCTION_VARS = List.of(plain("APP_ENV", "production", BOTH),
			secret("DB_PASSWORD", "fp-1", RUNTIME), secret("API_KEY", "fp-3", RUNTIME));

	@Test
	void comparesEveryItemOfTwoEnvironments() {
		List<DriftItem> items = Drift.between(SpecFixtures.drupal(), STAGING_VARS, SpecFixtures.drupalOn("8.2"),
				PRODUCTION_VARS);
		assertThat(items).containsExactly(new DriftItem("runtime", "drupal", CHANGED, "php 8.3", "php 8.2"),
				new DriftItem("service", "db", SAME, "mariadb 10.11, disk 2048", "mariadb 10.11, disk 2048"),
				new DriftItem("service", "cache", SAME, "redis 7.2", "redis 7.2"),
				new DriftItem("relationship", "drupal.database", SAME, "db:mysql", "db:mysql"),
				new DriftItem("relationship", "drupal.redis", SAME, "cache:redis", "cache:redis"),
				new DriftItem("mount", "drupal:web/sites/default/files", SAME, "storage (source_path: files)",
						"storage (source_path: files)"),
				new DriftItem("variable", "API_KEY", CHANGED, "set", "set"),
				new DriftItem("variable", "APP_ENV", CHANGED, "staging", "production"),
				new DriftItem("variable", "DB_PASSWORD", SAME, "set", "set"),
				new DriftItem("variable", "DEBUG", REMOVED, "1", null));
		assertThat(Drift.headline(items)).isEqualTo("php 8.3 vs 8.2, 3 variables differ");
	}

	@Test
	void theDashboardHeadline() {
		List<DriftItem> items = Drift.between(SpecFixtures.drupal(), STAGING_VARS.subList(0, 3),
				SpecFixtures.drupalOn("8.2"), PRODUCTION_VARS);
		assertThat(Drift.headline(items)).isEqualTo("php 8.3 vs 8.2, 2 variables differ");
	}

	@Test
	void noDifferenceIsAnEmptyHeadline() {
		List<DriftItem> items = Drift.between(SpecFixtures.django(), PRODUCTION_VARS, SpecFixtures.django(),
				PRODUCTION_VARS);
		assertThat(items).allMatch((item) -> item.kind() == SAME);
		assertThat(Drift.headline(items)).isEmpty();
		assertThat(Drift.headline(Drift.between(Spec.EMPTY, List.of(), Spec.EMPTY, List.of()))).isEmpty();
	}

	@Test
	void twoDifferentStacksDifferEverywhere() {
		List<DriftItem> items = Drift.between(SpecFixtures.drupal(), List.of(), SpecFixtures.django(), List.of());
		assertThat(items).filteredOn((item) -> item.area().equals("runtime"))
			.containsExactly(new DriftItem("runtime", "drupal", REMOVED, "php 8.3", null),
					new DriftItem("runtime", "api", ADDED, null, "python 3.12"));
		assertThat(items).filteredOn((item) -> item.area().equals("service"))
			.containsExactly(
					new DriftItem("service", "db", CHANGED, "mariadb 10.11, disk 2048", "postgresql 16, disk 1024"),
					new DriftItem("service", "cache", SAME, "redis 7.2", "redis 7.2"));
		assertThat(Drift.headline(items)).isEqualTo(
				"mariadb 10.11 vs postgresql 16, 2 applications differ, 4 relationships differ, 3 mounts differ");
	}

	@Test
	void aDiskOnlyDifferenceIsCounted() {
		Spec bigger = new Spec(SpecFixtures.drupal().applications(), Map.of("db",
				new Service("db", "mariadb", "10.11", "4096"), "cache", SpecFixtures.drupal().services().get("cache")));
		assertThat(Drift.headline(Drift.between(SpecFixtures.drupal(), List.of(), bigger, List.of())))
			.isEqualTo("1 service differs");
	}

	@Test
	void aSensitiveVariableIsOnlyEverSet() {
		List<DriftItem> items = Drift.between(Spec.EMPTY,
				List.of(plain("TOKEN", "abc", RUNTIME), secret("KEY", "fp", RUNTIME)), Spec.EMPTY,
				List.of(secret("TOKEN", "abc", RUNTIME), secret("KEY", "fp", BOTH)));
		assertThat(items).containsExactly(
				new DriftItem("variable", "KEY", CHANGED, "set (runtime, sensitive)", "set (both, sensitive)"),
				new DriftItem("variable", "TOKEN", CHANGED, "set (runtime)", "set (runtime, sensitive)"));
		assertThat(Drift.between(Spec.EMPTY, List.of(secret("KEY", "fp", RUNTIME)), Spec.EMPTY, List.of()))
			.containsExactly(new DriftItem("variable", "KEY", REMOVED, "set", null));
	}

	@Test
	void bringingTheRuntimeAcrossKeepsTheTargetsRelationshipsAndMounts() {
		Spec production = SpecFixtures.drupalOn("8.2");
		List<DriftItem> items = Drift.between(SpecFixtures.drupal(), List.of(), production, List.of());
		Spec brought = Drift.bringAcross(production, SpecFixtures.drupal(),
				items.stream().filter(DriftItem::differs).toList());
		assertThat(brought).isEqualTo(SpecFixtures.drupal());
	}

	@Test
	void bringingAcrossCopiesOrRemovesEachSelectedItem() {
		Spec target = SpecFixtures.drupal();
		Spec source = SpecFixtures.django();
		List<DriftItem> items = Drift.between(target, List.of(), source, List.of());
		Spec brought = Drift.bringAcross(target, source,
				items.stream()
					.filter((item) -> List.of("db", "drupal.database", "api:media", "api").contains(item.key()))
					.toList());
		assertThat(brought.services()).containsExactly(Map.entry("db", new Service("db", "postgresql", "16", "1024")),
				Map.entry("cache", new Service("cache", "redis", "7.2", null)));
		assertThat(brought.applications().keySet()).containsExactly("drupal", "api");
		assertThat(brought.applications().get("drupal").relationships()).containsOnlyKeys("redis");
		assertThat(brought.applications().get("api")).isEqualTo(
				new Application("api", "python", "3.12", Map.of(), Map.of("media", new Mount("storage", "media"))));
	}

	@Test
	void bringingAcrossAnApplicationTheSourceLacksRemovesIt() {
		Spec target = SpecFixtures.drupal();
		Spec source = new Spec(Map.of(), target.services());
		Spec brought = Drift.bringAcross(target, source,
				List.of(new DriftItem("runtime", "drupal", REMOVED, "php 8.3", null)));
		assertThat(brought).isEqualTo(source);
		assertThatThrownBy(() -> Drift.bringAcross(target, source, List.of(new DriftItem("colour", "x", SAME, "", ""))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Property(tries = 200)
	void bringingEveryDifferenceAcrossLeavesNone(@ForAll("specs") Spec target, @ForAll("specs") Spec source) {
		List<DriftItem> differences = Drift.between(target, List.of(), source, List.of())
			.stream()
			.filter(DriftItem::differs)
			.toList();
		Spec brought = Drift.bringAcross(target, source, differences);
		assertThat(brought).isEqualTo(source);
		assertThat(Drift.headline(Drift.between(brought, List.of(), source, List.of()))).isEmpty();
	}

	@Provide
	Arbitrary<Spec> specs() {
		return SpecArbitraries.specs();
	}

	@Test
	void bringingVariablesAcrossKeepsTheTargetsOrderAndAppendsNewOnes() {
		List<Variable> target = List.of(variable("A", "1"), variable("B", "2"), variable("C", "3"));
		List<Variable> source = List.of(variable("D", "4"), variable("B", "20"), variable("E", "5"));
		assertThat(Drift.bringVariablesAcross(target, source, List.of("B", "C", "D")))
			.containsExactly(variable("A", "1"), variable("B", "20"), variable("D", "4"));
		assertThat(Drift.bringVariablesAcross(target, source, List.of())).isEqualTo(target);
	}

	private static Variable variable(String name, String value) {
		return new Variable(name, value, false, RUNTIME);
	}

	private static VariableState plain(String name, String value, Visibility visibility) {
		return new VariableState(name, value, value, false, visibility);
	}

	private static VariableState secret(String name, String fingerprint, Visibility visibility) {
		return new VariableState(name, fingerprint, null, true, visibility);
	}

}
