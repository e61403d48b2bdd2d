package app.lockstep.web.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades run while the previous version still serves (ops/runbooks/upgrade.md): the
 * first new instance migrates at start-up and the old instances keep reading and writing
 * the migrated schema until they are replaced. So a migration may only expand the schema:
 * no dropped or renamed table or column, no changed column type, no new NOT NULL that old
 * code's inserts would break, and no index built while it blocks writes on an existing
 * table. The contract step of an expand/contract change comes one release later and says
 * so in a comment on the statement ({@code -- contract: …}, or {@code -- online-safe: …}
 * with the reason it cannot hurt). Holds for every migration after the first release this
 * rule applies to (V11).
 */
class MigrationsOnlineSafeTest {

	private static final Path MIGRATIONS = Path.of("..", "migrations", "src", "main", "resources", "db", "migration");

	private static final Pattern VERSION = Pattern.compile("^V(\\d+)(?:_(\\d+))?__.*\\.sql$");

	private static final int FIRST_CHECKED = 11;

	private static final List<Rule> RULES = List.of(
			new Rule("drops a table, view, column or function old instances use",
					"\\bdrop\\s+(table|view|materialized\\s+view|column|function|type|schema)\\b"),
			new Rule("renames what old instances use by name", "\\brename\\b"),
			new Rule("changes a column's type (rewrites the table, breaks old readers)",
					"\\balter\\s+column\\s+\\S+\\s+(set\\s+data\\s+)?type\\b"),
			new Rule("makes a column NOT NULL that old instances do not fill",
					"\\balter\\s+column\\s+\\S+\\s+set\\s+not\\s+null\\b"),
			new Rule("adds a NOT NULL column without a default (old inserts fail)",
					"\\badd\\s+column\\s+(?:(?!\\bdefault\\b)[^,;])*\\bnot\\s+null\\b(?:(?!\\bdefault\\b)[^,;])*$"),
			new Rule("locks a table explicitly", "\\block\\s+table\\b"),
			new Rule("rewrites a table under an exclusive lock", "\\bvacuum\\s+full\\b|\\bcluster\\b"));

	private static final Pattern CREATE_TABLE = Pattern
		.compile("\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_.]+)");

	private static final Pattern CREATE_INDEX = Pattern.compile(
			"\\bcreate\\s+(?:unique\\s+)?index\\s+(concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?\\S*\\s*on\\s+(?:only\\s+)?([a-z_.]+)");

	record Rule(String why, String regex) {
	}

	@Test
	void everyMigrationSinceTheRuleOnlyExpandsTheSchema() throws IOException {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Path file : checkedMigrations()) {
			checked++;
			String sql = Files.readString(file);
			List<String> createdHere = new ArrayList<>();
			Matcher created = CREATE_TABLE.matcher(withoutComments(sql).toLowerCase(Locale.ROOT));
			while (created.find()) {
				createdHere.add(created.group(1));
			}
			for (String statement : statements(sql)) {
				if (statement.contains("-- contract:") || statement.contains("-- online-safe:")) {
					continue;
				}
				String code = withoutComments(statement).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
				for (Rule rule : RULES) {
					for (String clause : code.split(",")) {
						if (Pattern.compile(rule.regex()).matcher(clause.strip()).find()) {
							problems.add(file.getFileName() + ": " + rule.why() + ": " + abbreviate(code));
							break;
						}
					}
				}
				Matcher index = CREATE_INDEX.matcher(code);
				if (index.find() && index.group(1) == null && !createdHere.contains(index.group(2))) {
					problems
						.add(file.getFileName() + ": builds an index on an existing table while blocking its writes "
								+ "(create it concurrently, in a migration with executeInTransaction=false): "
								+ abbreviate(code));
				}
			}
		}
		assertThat(checked).as("migrations checked").isGreaterThanOrEqualTo(2);
		assertThat(problems).isEmpty();
	}

	@Test
	void theRulesCatchWhatTheyAreAbout() {
		List<String> breaking = List.of("alter table lockstep.projects drop column name",
				"alter table lockstep.projects rename column name to title", "drop table lockstep.projects",
				"alter table lockstep.projects alter column name type varchar(10)",
				"alter table lockstep.projects alter column name set not null",
				"alter table lockstep.projects add column owner uuid not null");
		for (String statement : breaking) {
			assertThat(RULES.stream().anyMatch((rule) -> Pattern.compile(rule.regex()).matcher(statement).find()))
				.as(statement)
				.isTrue();
		}
		List<String> expanding = List.of("alter table lockstep.projects add column owner uuid",
				"alter table lockstep.projects add column archived boolean not null default false",
				"create table lockstep.things (id uuid primary key)");
		for (String statement : expanding) {
			assertThat(RULES.stream().anyMatch((rule) -> Pattern.compile(rule.regex()).matcher(statement).find()))
				.as(statement)
				.isFalse();
		}
	}

	private static List<Path> checkedMigrations() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter((file) -> {
				Matcher version = VERSION.matcher(file.getFileName().toString());
				return version.matches() && Integer.parseInt(version.group(1)) >= FIRST_CHECKED;
			}).sorted().toList();
		}
	}

	/**
	 * The statements of a script, each with the comments before it; the bodies of
	 * functions ($$ … $$) are kept whole and not looked into.
	 */
	private static List<String> statements(String sql) {
		String flattened = sql.replaceAll("(?s)\\$\\$.*?\\$\\$", "\\$\\$ \\$\\$");
		List<String> statements = new ArrayList<>();
		for (String statement : flattened.split(";")) {
			if (!statement.isBlank()) {
				statements.add(statement);
			}
		}
		return statements;
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
	}

	private static String abbreviate(String code) {
		return (code.length() > 160) ? code.substring(0, 160) + "…" : code;
	}

}
