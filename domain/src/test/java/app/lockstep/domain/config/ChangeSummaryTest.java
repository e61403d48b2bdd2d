package app.lockstep.domain.config;

import java.util.List;

import app.lockstep.domain.config.spec.Spec;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.config.ChangeKind.ADDED;
import static app.lockstep.domain.config.ChangeKind.CHANGED;
import static app.lockstep.domain.config.ChangeKind.REMOVED;
import static app.lockstep.domain.config.DriftTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

class ChangeSummaryTest {

	private static final List<VariableChange> TWO_ADDED_ONE_CHANGED = List.of(
			new VariableChange("A", ADDED, null, "1", false), new VariableChange("B", ADDED, null, null, true),
			new VariableChange("C", CHANGED, "x", "y", false));

	private static final String DRUPAL = """
			applications:
			  drupal:
			    type: php:8.4
			    relationships:
			      database: "db:mysql"
			services:
			  db:
			    type: mariadb:11.4
			  cache:
			    type: redis:8.0
			""";

	@Test
	void countsVariablesAndNamesTheVersionChange() {
		ChangeSummary summary = ChangeSummary.of(spec(DRUPAL), spec(DRUPAL.replace("php:8.4", "php:8.5")),
				TWO_ADDED_ONE_CHANGED);
		assertThat(summary).isEqualTo(new ChangeSummary(2, 1, 0, List.of("php 8.4 → 8.5")));
		assertThat(summary.text()).isEqualTo("+2 ~1 -0 variables, php 8.4 → 8.5");
	}

	@Test
	void nothingChangedSaysSo() {
		ChangeSummary summary = ChangeSummary.of(spec(DRUPAL), spec(DRUPAL), List.of());
		assertThat(summary.text()).isEqualTo("no changes");
		assertThat(summary.isEmpty()).isTrue();
		assertThat(ChangeSummary.of(null, null, List.of()).text()).isEqualTo("no changes");
		assertThat(ChangeSummary
			.of(spec(DRUPAL), spec(DRUPAL), List.of(new VariableChange("A", REMOVED, "1", null, false)))
			.text()).isEqualTo("+0 ~0 -1 variables");
	}

	@Test
	void servicesShowTheirEngineAndVersionAndSwitchingEngineShowsBoth() {
		Spec drupal = spec(DRUPAL);
		assertThat(
				ChangeSummary.of(spec(DRUPAL.replace("  cache:\n    type: redis:8.0\n", "")), drupal, List.of()).text())
			.isEqualTo("+ redis 8.0");
		assertThat(ChangeSummary.of(drupal, spec(DRUPAL.replace("mariadb:11.4", "mariadb:11.8")), List.of()).text())
			.isEqualTo("mariadb 11.4 → 11.8");
		assertThat(ChangeSummary.of(drupal, spec(DRUPAL.replace("mariadb:11.4", "oracle-mysql:8.0")), List.of())
			.versionChanges()).containsExactly("mariadb 11.4 → oracle-mysql 8.0");
	}

	@Test
	void severalApplicationsAndServicesOfOneEngineAreNamed() {
		Spec before = spec("""
				applications:
				  app: {type: "php:8.3"}
				  worker: {type: "python:3.13"}
				services:
				  sessions: {type: "redis:7.2"}
				  cache: {type: "redis:7.2"}
				""");
		Spec after = spec("""
				applications:
				  app: {type: "php:8.4"}
				  frontend: {type: "nodejs:24"}
				services:
				  sessions: {type: "redis:8.0"}
				  cache: {type: "redis:7.2"}
				""");
		assertThat(ChangeSummary.of(before, after, List.of()).text())
			.isEqualTo("app: php 8.3 → 8.4, − worker: python 3.13, + frontend: nodejs 24, sessions: redis 7.2 → 8.0");
	}

	@Test
	void everyOtherPartOfTheSpecIsNamedAfterTheVersions() {
		String before = DRUPAL + """
				routes:
				  "https://{default}/": {type: upstream, upstream: "drupal:http"}
				""";
		String after = before.replace("php:8.4", "php:8.5")
			.replace("      database: \"db:mysql\"\n",
					"      database: \"db:mysql\"\n    hooks:\n      build: composer install\n")
			.replace("    type: mariadb:11.4\n", "    type: mariadb:11.4\n    disk: 4096\n")
			.replace("  \"https://{default}/\":",
					"  \"https://www.{default}/\": {type: redirect, to: \"https://{default}/\"}\n  \"https://{default}/\":");
		assertThat(ChangeSummary.of(spec(before), spec(after), List.of()).text())
			.isEqualTo("php 8.4 → 8.5, db: disk 4096 added, + route https://www.{default}/, + drupal: hook build");
	}

	@Test
	void manyChangesOfOneKindAreCounted() {
		String before = "applications:\n  app:\n    type: php:8.4\n    mounts: {a: {source: tmp}, b: {source: tmp}, c: {source: tmp}, d: {source: tmp}}\n";
		String after = before.replace("source: tmp", "source: storage");
		assertThat(ChangeSummary.of(spec(before), spec(after), List.of()).text()).isEqualTo("app: 4 mounts changed");
	}

	@Test
	void theFirstRevisionAddsEverything() {
		assertThat(ChangeSummary.of(null, spec(DRUPAL), TWO_ADDED_ONE_CHANGED).text())
			.isEqualTo("+2 ~1 -0 variables, + php 8.4, + mariadb 11.4, + redis 8.0, + drupal: relationship database");
	}

}
