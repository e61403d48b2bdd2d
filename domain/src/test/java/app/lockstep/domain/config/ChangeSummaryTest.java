package app.lockstep.domain.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static app.lockstep.domain.config.ChangeKind.ADDED;
import static app.lockstep.domain.config.ChangeKind.CHANGED;
import static app.lockstep.domain.config.ChangeKind.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

class ChangeSummaryTest {

	private static final List<VariableChange> TWO_ADDED_ONE_CHANGED = List.of(
			new VariableChange("A", ADDED, null, "1", false), new VariableChange("B", ADDED, null, null, true),
			new VariableChange("C", CHANGED, "x", "y", false));

	@Test
	void countsVariablesAndNamesTheVersionChange() {
		ChangeSummary summary = ChangeSummary.of(SpecFixtures.drupalOn("8.2"), SpecFixtures.drupal(),
				TWO_ADDED_ONE_CHANGED);
		assertThat(summary).isEqualTo(new ChangeSummary(2, 1, 0, List.of("php 8.2 → 8.3")));
		assertThat(summary.text()).isEqualTo("+2 ~1 -0 variables, php 8.2 → 8.3");
	}

	@Test
	void nothingChangedSaysSo() {
		ChangeSummary summary = ChangeSummary.of(SpecFixtures.drupal(), SpecFixtures.drupal(), List.of());
		assertThat(summary.text()).isEqualTo("no changes");
		assertThat(summary.isEmpty()).isTrue();
		assertThat(ChangeSummary.of(null, null, List.of()).text()).isEqualTo("no changes");
	}

	@Test
	void onlyVariables() {
		assertThat(ChangeSummary
			.of(SpecFixtures.drupal(), SpecFixtures.drupal(),
					List.of(new VariableChange("A", REMOVED, "1", null, false)))
			.text()).isEqualTo("+0 ~0 -1 variables");
	}

	@Test
	void addedAndRemovedServicesShowTheirEngineAndVersion() {
		Spec drupal = SpecFixtures.drupal();
		Spec withoutCache = new Spec(drupal.applications(), Map.of("db", drupal.services().get("db")));
		assertThat(ChangeSummary.of(withoutCache, drupal, List.of()).text()).isEqualTo("+ redis 7.2");
		Spec withoutDb = new Spec(drupal.applications(), Map.of("cache", drupal.services().get("cache")));
		assertThat(ChangeSummary.of(drupal, withoutDb, List.of()).text()).isEqualTo("− mariadb 10.11");
		Service db = new Service("db", "mariadb", "11.4", "2048");
		Spec upgraded = new Spec(drupal.applications(), Map.of("db", db, "cache", drupal.services().get("cache")));
		assertThat(ChangeSummary.of(drupal, upgraded, List.of()).text()).isEqualTo("mariadb 10.11 → 11.4");
	}

	@Test
	void switchingEngineOrRuntimeShowsBothNames() {
		Spec drupal = SpecFixtures.drupal();
		Spec onMysql = new Spec(drupal.applications(),
				Map.of("db", new Service("db", "mysql", "8.0", "2048"), "cache", drupal.services().get("cache")));
		assertThat(ChangeSummary.of(drupal, onMysql, List.of()).versionChanges())
			.containsExactly("mariadb 10.11 → mysql 8.0");
	}

	@Test
	void severalApplicationsAreNamed() {
		Map<String, Application> before = new LinkedHashMap<>();
		before.put("app", app("app", "php", "8.2"));
		before.put("worker", app("worker", "python", "3.12"));
		Map<String, Application> after = new LinkedHashMap<>();
		after.put("app", app("app", "php", "8.3"));
		after.put("frontend", app("frontend", "nodejs", "22"));
		assertThat(ChangeSummary.of(new Spec(before, Map.of()), new Spec(after, Map.of()), List.of()).text())
			.isEqualTo("app: php 8.2 → 8.3, − worker: python 3.12, + frontend: nodejs 22");
	}

	@Test
	void servicesOfTheSameEngineAreNamed() {
		Spec before = new Spec(Map.of(), Map.of("sessions", new Service("sessions", "redis", "7.0", null), "cache",
				new Service("cache", "redis", "7.0", null)));
		Spec after = new Spec(Map.of(), Map.of("sessions", new Service("sessions", "redis", "7.2", null), "cache",
				new Service("cache", "redis", "7.0", null)));
		assertThat(ChangeSummary.of(before, after, List.of()).versionChanges())
			.containsExactly("sessions: redis 7.0 → 7.2");
	}

	@Test
	void otherSpecChangesAreMentionedAfterTheVersions() {
		Spec drupal = SpecFixtures.drupal();
		Application app = drupal.applications().get("drupal");
		Spec changed = new Spec(
				Map.of("drupal", new Application("drupal", "php", "8.4", Map.of("database", "db:mysql"), app.mounts())),
				Map.of("db", new Service("db", "mariadb", "10.11", "4096"), "cache", drupal.services().get("cache")));
		assertThat(ChangeSummary.of(drupal, changed, List.of()).text())
			.isEqualTo("php 8.3 → 8.4, relationships changed, db: disk 2048 → 4096");
	}

	@Test
	void theFirstRevisionAddsEverything() {
		assertThat(ChangeSummary.of(null, SpecFixtures.django(), TWO_ADDED_ONE_CHANGED).text())
			.isEqualTo("+2 ~1 -0 variables, + python 3.12, + postgresql 16, + redis 7.2");
	}

	private static Application app(String name, String runtime, String version) {
		return new Application(name, runtime, version, Map.of(), Map.of());
	}

}
