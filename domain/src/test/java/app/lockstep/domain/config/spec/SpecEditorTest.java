package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.config.ChangeKind;
import app.lockstep.domain.config.DiffLine;
import app.lockstep.domain.config.LineDiff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecEditorTest {

	private static final String TARGET = UpsunSpecs.DRUPAL;

	@Test
	void aServiceOnAnotherVersionChangesOneLineAndKeepsItsComment() {
		String source = TARGET.replace("type: mariadb:11.4   # pinned with the production dump", "type: mariadb:11.8");
		String result = SpecEditor.take(TARGET, source, List.of("services", "db"));
		assertThat(changedLines(TARGET, result)).containsExactly(
				"-    type: mariadb:11.4   # pinned with the production dump",
				"+    type: mariadb:11.8   # pinned with the production dump");
	}

	@Test
	void aScalarKeepsTheSourcesQuotingAndTheTargetsComment() {
		String source = TARGET.replace("type: 'php:8.4'", "type: \"php:8.5\"");
		String result = SpecEditor.take(TARGET, source, List.of("applications", "drupal", "type"));
		assertThat(changedLines(TARGET, result)).containsExactly("-    type: 'php:8.4'", "+    type: \"php:8.5\"");
	}

	@Test
	void aNewServiceIsAddedWithItsCommentAtTheEndOfServices() {
		String source = TARGET.replace("""
				  cache:
				    type: redis:8.0
				""", """
				  cache:
				    type: redis:8.0
				  # Search, new in staging
				  search:
				    type: opensearch:3
				    configuration:
				      plugins: [analysis-icu]
				""");
		String result = SpecEditor.take(TARGET, source, List.of("services", "search"));
		assertThat(changedLines(TARGET, result)).containsExactly("+  # Search, new in staging", "+  search:",
				"+    type: opensearch:3", "+    configuration:", "+      plugins: [analysis-icu]");
		assertThat(InfrastructureSpec.parse(result).valid()).isTrue();
	}

	@Test
	void aServiceTheSourceDoesNotHaveIsRemovedWithItsCommentLines() {
		String target = TARGET.replace("  cache:\n    type: redis:8.0\n",
				"  # Sessions\n  cache:\n    type: redis:8.0\n");
		String source = target.replace("  # Sessions\n  cache:\n    type: redis:8.0\n", "");
		String result = SpecEditor.take(target, source, List.of("services", "cache"));
		assertThat(changedLines(target, result)).containsExactly("-  # Sessions", "-  cache:", "-    type: redis:8.0");
	}

	@Test
	void aMultiLineHookIsReplacedAsAWholeBlock() {
		String source = TARGET.replace("        drush -y updatedb   # schema first\n",
				"        drush -y updatedb\n        drush -y cache:rebuild\n");
		String result = SpecEditor.take(TARGET, source, List.of("applications", "drupal", "hooks", "deploy"));
		assertThat(InfrastructureSpec.read(result).at(List.of("applications", "drupal", "hooks", "deploy")))
			.contains("set -e\ndrush -y updatedb\ndrush -y cache:rebuild\ndrush -y config-import\n");
		assertThat(changedLines(TARGET, result)).containsExactly("-        drush -y updatedb   # schema first",
				"+        drush -y updatedb", "+        drush -y cache:rebuild");
	}

	@Test
	void aRouteAndAWebLocationAreEditedByKeyEvenWhenTheKeyNeedsQuotes() {
		String source = TARGET.replace("          expires: 5m\n", "          expires: 1h\n")
			.replace("  \"https://www.{default}/\":\n    type: redirect\n    to: \"https://{default}/\"\n", "");
		String result = SpecEditor.take(TARGET, source, List.of("applications", "drupal", "web", "locations", "/"));
		result = SpecEditor.take(result, source, List.of("routes", "https://www.{default}/"));
		assertThat(changedLines(TARGET, result)).containsExactly("-          expires: 5m", "+          expires: 1h",
				"-  \"https://www.{default}/\":", "-    type: redirect", "-    to: \"https://{default}/\"");
	}

	@Test
	void sectionsAndApplicationsMissingInTheTargetAreCreatedAtItsIndentation() {
		// An entry copied from the source keeps the source's own nesting inside it.
		String target = """
				applications:
				    app:
				        type: php:8.4
				""";
		String source = """
				applications:
				  app:
				    type: php:8.4
				    relationships:
				      database: "db:mysql"
				services:
				  db:
				    type: mariadb:11.4
				""";
		String result = SpecEditor.take(target, source, List.of("applications", "app", "relationships", "database"));
		result = SpecEditor.take(result, source, List.of("services", "db"));
		assertThat(result).isEqualTo("""
				applications:
				    app:
				        type: php:8.4
				        relationships:
				            database: "db:mysql"
				services:
				    db:
				      type: mariadb:11.4
				""");
	}

	@Test
	void flowMappingsAreEditedInPlace() {
		String target = "applications:\n  app:\n    type: php:8.4\n    mounts:\n      files: {source: storage, source_path: files}\n";
		String source = target.replace("source_path: files", "source_path: uploads");
		String result = SpecEditor.take(target, source, List.of("applications", "app", "mounts", "files"));
		assertThat(result).isEqualTo(target.replace("source_path: files", "source_path: uploads"));
	}

	@Test
	void whatIsWrittenThroughAMergeOrAnAliasIsRefusedRatherThanRewritten() {
		String target = """
				applications:
				  api:
				    type: python:3.13
				    web: &web
				      commands:
				        start: gunicorn app:app
				  worker:
				    type: python:3.13
				    web: *web
				""";
		String source = target.replace("    web: *web\n", "    web:\n      commands:\n        start: celery worker\n");
		assertThatThrownBy(
				() -> SpecEditor.take(target, source, List.of("applications", "worker", "web", "commands", "start")))
			.isInstanceOf(SpecEditor.EditRefused.class)
			.hasMessageContaining("written through a YAML alias (*anchor); edit it by hand");
		String whole = SpecEditor.take(target, source, List.of("applications", "worker", "web"));
		assertThat(InfrastructureSpec.read(whole).at(List.of("applications", "worker", "web", "commands", "start")))
			.contains("celery worker");
		assertThat(InfrastructureSpec.read(whole).at(List.of("applications", "api", "web", "commands", "start")))
			.contains("gunicorn app:app");
	}

	@Test
	void anEmptyTargetGetsTheEntry() {
		String source = "applications:\n  app:\n    type: nodejs:24\n";
		assertThat(SpecEditor.take("", source, List.of("applications", "app", "type")))
			.isEqualTo("applications:\n  app:\n    type: nodejs:24\n");
	}

	/** The lines only one side has, "-" for the target's, "+" for the result's. */
	static List<String> changedLines(String before, String after) {
		List<String> changes = new ArrayList<>();
		for (DiffLine line : LineDiff.between(before, after)) {
			if (line.kind() != ChangeKind.SAME) {
				changes.add((line.kind() == ChangeKind.ADDED ? "+" : "-") + line.text());
			}
		}
		return changes;
	}

}
