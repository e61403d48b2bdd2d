package app.lockstep.domain.config.spec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureSpecTest {

	@Test
	void readsATypicalDrupalSpecWithoutErrorsOrWarnings() {
		SpecParse parse = InfrastructureSpec.parse(UpsunSpecs.DRUPAL);
		assertThat(parse.errors()).isEmpty();
		assertThat(parse.warnings()).isEmpty();
		Spec spec = parse.spec();
		assertThat(spec.applications().keySet()).containsExactly("drupal");
		assertThat(spec.type("applications", "drupal")).contains("php:8.4");
		assertThat(spec.services().keySet()).containsExactly("db", "cache");
		assertThat(spec.routes().keySet()).containsExactly("https://{default}/", "https://www.{default}/");
		assertThat(spec.at(List.of("applications", "drupal", "web", "locations", "/", "passthru")))
			.contains("/index.php");
		assertThat(spec.at(List.of("applications", "drupal", "hooks", "build")))
			.contains("set -e\ncomposer install --no-dev\n");
	}

	@Test
	void acceptsEveryKeyAndFormUpsunDocuments() {
		SpecParse parse = InfrastructureSpec.parse("""
				applications:
				  app:
				    type: "php:8.5"
				    container_profile: HIGH_CPU
				    timezone: Europe/Paris
				    relationships:
				      database: "db:mysql"
				      cache:
				      search: {service: search, endpoint: opensearch}
				      api: "api:http"
				    mounts:
				      web/files: {source: storage, source_path: files}
				      /tmp/cache: {source: tmp}
				      var/local: {source: instance, source_path: local}
				    variables:
				      env:
				        APP_ENV: prod
				      php:
				        memory_limit: 256M
				    runtime:
				      extensions: [redis, {name: blackfire, configuration: {server_id: x, server_token: y}}]
				      disabled_extensions: [sqlite3]
				    build:
				      flavor: none
				    dependencies:
				      php:
				        composer/composer: "^2"
				    hooks:
				      build: composer install
				      deploy: php bin/console doctrine:migrations:migrate -n
				      post_deploy: php bin/console cache:warmup
				    web:
				      commands:
				        start: php-fpm
				      upstream:
				        socket_family: tcp
				        protocol: http
				      locations:
				        /:
				          root: public
				          passthru: /index.php
				          expires: -1
				          headers:
				            X-Frame-Options: SAMEORIGIN
				          rules:
				            '\\.(jpe?g|png)$':
				              expires: 1w
				    workers:
				      queue:
				        commands:
				          start: php bin/console messenger:consume async
				    crons:
				      report:
				        spec: "0 5 * * *"
				        commands:
				          start: php bin/console app:report
				        shutdown_timeout: 20
				    source:
				      root: /
				      operations:
				        update:
				          command: composer update
				    access:
				      ssh: contributor
				    firewall:
				      outbound:
				        - ips: ["0.0.0.0/0"]
				          ports: [443]
				    additional_hosts:
				      api.example.com: 203.0.113.7
				  api:
				    type: "nodejs:24"
				    web:
				      commands:
				        start: node server.js
				services:
				  db:
				    type: mariadb:11.4
				  cache:
				    type: redis-persistent:8.0
				  search:
				    type: opensearch:3
				    configuration:
				      plugins: [analysis-icu]
				routes:
				  "https://{default}/":
				    type: upstream
				    upstream: "app:http"
				    cache:
				      enabled: true
				      cookies: ["/^SESS/"]
				    ssi:
				      enabled: false
				    redirects:
				      expires: 1d
				      paths:
				        /old: {to: /new, code: 301}
				  "https://api.{default}/":
				    type: upstream
				    upstream: "api:http"
				  "https://www.{default}/":
				    type: redirect
				    to: "https://{default}/"
				""");
		assertThat(parse.errors()).isEmpty();
		assertThat(parse.warnings()).isEmpty();
	}

	@Test
	void aTypoIsALineNumberedErrorNamingTheKeyItWasMeantToBe() {
		assertThat(errors("""
				applications:
				  app:
				    type: php:8.4
				    relationsihps:
				      db: "db:mysql"
				    web:
				      locations:
				        "/":
				          passthrough: true
				services:
				  db:
				    type: mariadb:11.4
				colour: blue
				""")).containsExactly(
				new LineError(4, 5,
						"Unknown key \"relationsihps\" in application \"app\"; did you mean \"relationships\"?"),
				new LineError(9, 11,
						"Unknown key \"passthrough\" in \"web.locations./\" of application \"app\"; did you mean \"passthru\"?"),
				new LineError(13, 1,
						"Unknown key \"colour\" at the top level; expected applications, services, routes"));
	}

	@Test
	void valuesOfTheWrongKindSayWhatIsExpectedWhereTheyAreWritten() {
		List<LineError> errors = errors("""
				applications:
				  app:
				    type: php:8.4
				    mounts:
				      files: {source: storag}
				  other:
				    relationships: {}
				services:
				  db:
				    type: mariadb
				routes:
				  "https://{default}/": {type: upstreem, upstream: "app:http"}
				""");
		assertThat(errors).extracting(LineError::line).containsExactly(5, 6, 10, 12);
		assertThat(errors.get(0).message()).startsWith("\"mounts.files.source\" of application \"app\" must be one of");
		assertThat(errors.get(1).message()).contains("needs a \"type\"");
		assertThat(errors.get(2).message()).contains("name:version");
		assertThat(errors.get(3).message()).contains("\"type\" of route \"https://{default}/\" must be one of");
	}

	@Test
	void relationshipsNameAServiceOrAnotherApplicationInAnyOfTheirThreeForms() {
		String spec = """
				applications:
				  web:
				    type: nodejs:24
				    relationships:
				      db:
				      cache: "cache:redis"
				      api: {service: api, endpoint: http}
				  api:
				    type: python:3.14
				services:
				  db:
				    type: postgresql:18
				  cache:
				    type: valkey:8.0
				""";
		assertThat(InfrastructureSpec.parse(spec).errors()).isEmpty();
		assertThat(errors(spec.replace("      db:\n", "      database:\n")
			.replace("\"cache:redis\"", "\"memcache:memcached\"")
			.replace("service: api", "service: worker"))).extracting(LineError::message)
			.containsExactly(
					"Relationship \"database\" names \"database\", which is neither a service nor an application of this spec "
							+ "(an empty relationship connects to the service of the same name)",
					"Relationship \"cache\" names \"memcache\", which is neither a service nor an application of this spec",
					"Relationship \"api\" names \"worker\", which is neither a service nor an application of this spec");
	}

	@Test
	void currentVersionsSaveDeprecatedOnesWarnAndRetiredOrUnknownOnesAreRefused() {
		assertThat(InfrastructureSpec.parse("""
				applications:
				  a: {type: "php:8.5"}
				  b: {type: "php:8.4"}
				  c: {type: "nodejs:24"}
				  d: {type: "python:3.14"}
				  e: {type: "python:3.13"}
				services:
				  f: {type: "postgresql:18"}
				  g: {type: "postgresql:17"}
				""").errors()).isEmpty();
		SpecParse deprecated = InfrastructureSpec.parse("applications:\n  app:\n    type: php:8.3\n");
		assertThat(deprecated.valid()).isTrue();
		assertThat(deprecated.warnings()).containsExactly(new LineError(3, 11,
				"PHP 8.3 is deprecated on Upsun: it still deploys but no longer gets updates; supported versions: 8.5, 8.4"));
		assertThat(errors("""
				applications:
				  a:
				    type: php:7.4
				  b:
				    type: php:9.9
				  c:
				    type: pyhton:3.14
				""")).containsExactly(
				new LineError(3, 11, "PHP 7.4 is retired on Upsun and no longer deploys; supported versions: 8.5, 8.4"),
				new LineError(5, 11, "PHP 9.9 is not a version Upsun offers; supported versions: 8.5, 8.4"),
				new LineError(7, 11,
						"Unknown runtime \"pyhton\"; Upsun's runtimes: " + String.join(", ",
								ImageRegistry.upsun().runtimes().stream().map(ImageRegistry.Image::name).toList())
								+ " (did you mean python?)"));
	}

	@Test
	void theComposableImageChecksItsStackRuntimesAndLetsPackagesThrough() {
		assertThat(InfrastructureSpec.parse("""
				applications:
				  app:
				    type: "composable:25.11"
				    stack: ["php@8.4", "nodejs@24", "python312Packages.pip", "curl"]
				""").errors()).isEmpty();
		assertThat(errors("""
				applications:
				  app:
				    type: php:8.4
				    stack: ["php@8.4"]
				""")).extracting(LineError::line).containsExactly(3);
	}

	@Test
	void anchorsAliasesAndMergeKeysWorkAsYamlMeansThem() {
		SpecParse parse = InfrastructureSpec.parse("""
				applications:
				  api:
				    type: python:3.13
				    relationships: &database
				      database: "db:postgresql"
				    web: &web
				      commands:
				        start: gunicorn app:app
				  worker:
				    <<: &base
				      type: python:3.13
				      relationships: *database
				    web: *web
				  admin:
				    <<: *base
				    type: python:3.14
				services:
				  db:
				    type: postgresql:18
				""");
		assertThat(parse.errors()).isEmpty();
		Spec spec = parse.spec();
		assertThat(spec.at(List.of("applications", "worker", "relationships")))
			.contains(Map.of("database", "db:postgresql"));
		assertThat(spec.type("applications", "admin")).as("an explicit key wins over a merged one")
			.contains("python:3.14");
		assertThat(spec.applications().get("worker")).isEqualTo(Map.of("type", "python:3.13", "relationships",
				Map.of("database", "db:postgresql"), "web", Map.of("commands", Map.of("start", "gunicorn app:app"))));
	}

	@Test
	void hostileYamlIsRefusedBeforeItIsExpanded() {
		String laughs = """
				a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
				b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
				c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
				d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
				e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
				""";
		assertThat(errors(laughs)).singleElement().extracting(LineError::message).asString().contains("alias");
		assertThat(errors("a: " + "[".repeat(30) + "]".repeat(30))).singleElement()
			.extracting(LineError::message)
			.asString()
			.contains("nested more deeply than 20 levels");
		assertThat(errors("applications:\n  app:\n    type: php:8.4\n" + "#".repeat(70_000))).singleElement()
			.extracting(LineError::message)
			.asString()
			.contains("keep it to 65536 bytes");
		assertThat(errors("x: !!java.net.URL [\"http://example.com\"]\n")).singleElement()
			.extracting(LineError::message)
			.asString()
			.contains("tags such as !!java.lang.Object are not allowed");
	}

	@Test
	void aDocumentThatExpandsTooFarThroughAliasesIsRefused() {
		StringBuilder text = new StringBuilder("a: &a [" + "1,".repeat(999) + "1]\nb: &b [");
		text.append("*a,".repeat(49)).append("*a]\n");
		assertThat(errors(text.toString())).singleElement()
			.extracting(LineError::message)
			.asString()
			.contains("expands to more than 50000 values");
	}

	@Test
	void duplicateKeysTabsAndASecondDocumentAreLineNumbered() {
		assertThat(errors("applications:\n  app:\n    type: php:8.4\n    type: php:8.5\n"))
			.containsExactly(new LineError(4, 5, "Duplicate key \"type\""));
		assertThat(errors("applications:\n\tapp: {}\n")).singleElement()
			.extracting(LineError::message)
			.asString()
			.contains("a tab cannot indent YAML");
		assertThat(errors("applications: {}\n---\nservices: {}\n")).containsExactly(
				new LineError(3, 1, "Write one YAML document: remove the second \"---\" and what follows"));
	}

	@Test
	void aControlCharacterInAValueIsRefusedWhereItIsWritten() {
		assertThat(errors("applications:\n  app:\n    type: php:8.4\n    variables: {env: {A: \"x\\0y\"}}\n"))
			.containsExactly(new LineError(4, 26,
					"This value contains the control character U+0000; remove it (write text only)"));
	}

	@Test
	void blankTextOrOnlyCommentsIsAnEmptySpec() {
		for (String text : List.of("", "  \n\n", "# nothing yet\n", "---\n")) {
			SpecParse parse = InfrastructureSpec.parse(text);
			assertThat(parse.valid()).as(text).isTrue();
			assertThat(parse.spec()).as(text).isEqualTo(Spec.EMPTY);
		}
	}

	@Test
	void aSavedSpecReadsAsWrittenEvenOnceItsVersionIsRetired() {
		String old = "applications:\n  app:\n    type: php:7.4\n";
		assertThat(InfrastructureSpec.parse(old).valid()).isFalse();
		assertThat(InfrastructureSpec.read(old).type("applications", "app")).contains("php:7.4");
		assertThat(InfrastructureSpec.read("not: [valid")).isEqualTo(Spec.EMPTY);
	}

	private static List<LineError> errors(String yaml) {
		SpecParse parse = InfrastructureSpec.parse(yaml);
		assertThat(parse.valid()).as("refused").isFalse();
		return parse.errors();
	}

}
