package app.lockstep.domain.config;

import java.util.List;

import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.config.spec.Spec;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.config.ChangeKind.ADDED;
import static app.lockstep.domain.config.ChangeKind.CHANGED;
import static app.lockstep.domain.config.ChangeKind.REMOVED;
import static app.lockstep.domain.config.ChangeKind.SAME;
import static app.lockstep.domain.config.Visibility.BOTH;
import static app.lockstep.domain.config.Visibility.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;

class DriftTest {

	static final String STAGING = """
			applications:
			  drupal:
			    type: php:8.5
			    relationships:
			      database: "db:mysql"
			    mounts:
			      web/files: {source: storage, source_path: files}
			    hooks:
			      deploy: drush -y updb
			    web:
			      locations:
			        /: {root: web, passthru: /index.php}
			    crons:
			      drupal: {spec: "*/19 * * * *", commands: {start: drush cron}}
			services:
			  db:
			    type: mariadb:11.8
			routes:
			  "https://{default}/": {type: upstream, upstream: "drupal:http"}
			""";

	static final String PRODUCTION = """
			applications:
			  drupal:
			    type: php:8.4
			    relationships:
			      database: "db:mysql"
			    mounts:
			      web/files: {source: storage, source_path: files}
			    hooks:
			      deploy: drush -y updb && drush -y cim
			    web:
			      locations:
			        /: {root: web, passthru: /index.php, expires: 1h}
			services:
			  db:
			    type: mariadb:11.4
			routes:
			  "https://{default}/": {type: upstream, upstream: "drupal:http"}
			  "https://www.{default}/": {type: redirect, to: "https://{default}/"}
			""";

	private static final List<VariableState> STAGING_VARS = List.of(plain("APP_ENV", "staging", BOTH),
			secret("DB_PASSWORD", "fp-1", RUNTIME), secret("API_KEY", "fp-2", RUNTIME), plain("DEBUG", "1", RUNTIME));

	private static final List<VariableState> PRODUCTION_VARS = List.of(plain("APP_ENV", "production", BOTH),
			secret("DB_PASSWORD", "fp-1", RUNTIME), secret("API_KEY", "fp-3", RUNTIME));

	@Test
	void comparesEveryPartOfTheSpecAndEveryVariable() {
		List<DriftItem> items = Drift.between(spec(STAGING), STAGING_VARS, spec(PRODUCTION), PRODUCTION_VARS);
		assertThat(items).extracting(DriftItem::area, DriftItem::key, DriftItem::kind)
			.containsExactly(tuple("runtime", "drupal", CHANGED), tuple("service", "db", CHANGED),
					tuple("route", "https://{default}/", SAME), tuple("route", "https://www.{default}/", ADDED),
					tuple("relationship", "drupal.database", SAME), tuple("mount", "drupal:web/files", SAME),
					tuple("web", "drupal:/", CHANGED), tuple("hook", "drupal.deploy", CHANGED),
					tuple("cron", "drupal.drupal", REMOVED), tuple("variable", "API_KEY", CHANGED),
					tuple("variable", "APP_ENV", CHANGED), tuple("variable", "DB_PASSWORD", SAME),
					tuple("variable", "DEBUG", REMOVED));
		DriftItem web = items.get(6);
		assertThat(web.left()).isEqualTo("{root: web, passthru: /index.php}");
		assertThat(web.right()).isEqualTo("{root: web, passthru: /index.php, expires: 1h}");
		assertThat(web.path()).containsExactly("applications", "drupal", "web", "locations", "/");
		assertThat(items.get(0).left()).isEqualTo("php 8.5");
		assertThat(items.get(1).right()).isEqualTo("mariadb 11.4");
		assertThat(Drift.headline(items))
			.isEqualTo("php 8.5 vs 8.4, mariadb 11.8 vs 11.4, 1 route differs, 1 web setting differs, 1 hook differs, "
					+ "1 cron differs, 3 variables differ");
	}

	@Test
	void noDifferenceIsAnEmptyHeadline() {
		List<DriftItem> items = Drift.between(spec(STAGING), PRODUCTION_VARS, spec(STAGING), PRODUCTION_VARS);
		assertThat(items).allMatch((item) -> item.kind() == SAME);
		assertThat(Drift.headline(items)).isEmpty();
		assertThat(Drift.headline(Drift.between(Spec.EMPTY, List.of(), Spec.EMPTY, List.of()))).isEmpty();
	}

	@Test
	void aServiceShowsItsTypeAndItsOtherSettings() {
		Spec left = spec("services:\n  db:\n    type: postgresql:18\n    configuration: {extensions: [postgis]}\n");
		Spec right = spec("services:\n  db:\n    type: postgresql:18\n");
		List<DriftItem> items = Drift.between(left, List.of(), right, List.of());
		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.left())
				.isEqualTo("postgresql 18, configuration: {extensions: [postgis]}"));
		assertThat(Drift.headline(items)).isEqualTo("1 service differs");
	}

	@Test
	void aSensitiveVariableIsOnlyEverSet() {
		List<DriftItem> items = Drift.between(Spec.EMPTY,
				List.of(plain("TOKEN", "abc", RUNTIME), secret("KEY", "fp", RUNTIME)), Spec.EMPTY,
				List.of(secret("TOKEN", "abc", RUNTIME), secret("KEY", "fp", BOTH)));
		assertThat(items).containsExactly(
				new DriftItem("variable", "KEY", List.of(), CHANGED, "set (runtime, sensitive)",
						"set (both, sensitive)"),
				new DriftItem("variable", "TOKEN", List.of(), CHANGED, "set (runtime)", "set (runtime, sensitive)"));
		assertThat(Drift.between(Spec.EMPTY, List.of(secret("KEY", "fp", RUNTIME)), Spec.EMPTY, List.of()))
			.containsExactly(new DriftItem("variable", "KEY", List.of(), REMOVED, "set", null));
	}

	@Test
	void bringingVariablesAcrossKeepsTheTargetsOrderAndAppendsNewOnes() {
		List<Variable> target = List.of(variable("A", "1"), variable("B", "2"), variable("C", "3"));
		List<Variable> source = List.of(variable("D", "4"), variable("B", "20"), variable("E", "5"));
		assertThat(Drift.bringVariablesAcross(target, source, List.of("B", "C", "D")))
			.containsExactly(variable("A", "1"), variable("B", "20"), variable("D", "4"));
		assertThat(Drift.bringVariablesAcross(target, source, List.of())).isEqualTo(target);
	}

	static Spec spec(String yaml) {
		return InfrastructureSpec.read(yaml);
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
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
