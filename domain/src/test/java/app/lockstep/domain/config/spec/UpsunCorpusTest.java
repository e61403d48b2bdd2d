package app.lockstep.domain.config.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real .upsun/config.yaml files from public repositories, kept byte for byte (sources in
 * resources/upsun-corpus/SOURCES.md): those in upsun/ are accepted, those in refused/ are
 * refused, each for the reason given here and nothing else.
 */
class UpsunCorpusTest {

	static final Path CORPUS = Path.of("src/test/resources/upsun-corpus");

	/**
	 * Why each refused file is truly invalid for Upsun today: the messages it must get.
	 */
	private static final Map<String, List<String>> REFUSALS = Map.ofEntries(
			// Versions Upsun's registry lists as retired (past their grace period) or
			// never
			// offered: Upsun would not build these images.
			entry("cocarto-rails.yaml", List.of("Line 171: Redis 7.0 is retired on Upsun")),
			entry("drupal-civicrm-composable.yaml", List.of("Line 9: composable image 25.05 is retired on Upsun")),
			entry("javaheadless-spring-react.yaml", List.of("Line 66: MariaDB 11.2 is retired on Upsun")),
			entry("lando-flex-services.yaml",
					List.of("Line 22: RabbitMQ 3.13 is retired on Upsun",
							"Line 26: Kafka 3.9.1 is not a version Upsun offers")),
			entry("saleor-django.yaml",
					List.of("Line 10: Python 3.9 is retired on Upsun", "Line 150: Redis 7.0 is retired on Upsun")),
			entry("templates-golang.yaml",
					List.of("Line 3: Go 1.22 is retired on Upsun", "Line 22: MariaDB 11.2 is retired on Upsun")),
			entry("upsun-bigfoot-multiapp.yaml", List.of("Line 228: Go 1.21 is retired on Upsun")),
			entry("flask-mariadb104.yaml", List.of("Line 131: MariaDB 10.4 is retired on Upsun")),
			entry("gally-symfony-nextjs.yaml",
					List.of("Line 5: Node.js 18 is retired on Upsun", "Line 29: PHP 8.1 is retired on Upsun",
							"Line 74: Redis 7.0 is retired on Upsun")),
			entry("magento-mariadb102.yaml",
					List.of("Line 6: PHP 8.1 is retired on Upsun", "Line 121: MariaDB 10.2 is retired on Upsun",
							"Line 124: Redis 7.0 is retired on Upsun", "Line 130: RabbitMQ 3.11 is retired on Upsun")),
			entry("medusa-express-service-disk.yaml", List.of("Line 71: Redis 7.0 is retired on Upsun")),
			entry("remix-nodejs18-redis62.yaml",
					List.of("Line 5: Node.js 18 is retired on Upsun", "Line 23: Redis 6.2 is retired on Upsun")),
			// A relationship as bare text without an endpoint ("cache: redis") is not a
			// form
			// Upsun documents; the documented short form is the empty value ("redis:").
			entry("lando-fixture-flex-full.yaml",
					List.of("Line 9: A relationship written as text must be service:endpoint")),
			// A network-storage service has no endpoint to relate to; it is mounted.
			entry("nextjs-network-storage-relationship.yaml",
					List.of("a network-storage service, which has no relationship endpoint")),
			// Dangling references: no service "db" (it is called "database"), no app
			// "app".
			entry("upsun-tutorial-next-laravel-oauth.yaml", List.of(
					"Line 2: Route \"https://api.{all}/\" sends requests to \"app\"",
					"Line 35: Relationship \"db\" names \"db\", which is neither a service nor an application")));

	@ParameterizedTest(name = "{0}")
	@MethodSource("accepted")
	void everyRealConfigUpsunAcceptsIsAccepted(String name) throws IOException {
		SpecParse parse = InfrastructureSpec.parse(Files.readString(CORPUS.resolve("upsun").resolve(name)));
		assertThat(parse.errors()).as(name).isEmpty();
		assertThat(parse.spec().applications()).as(name).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void aRealConfigThatIsInvalidForUpsunIsRefusedForItsReasonOnly(String name) throws IOException {
		SpecParse parse = InfrastructureSpec.parse(Files.readString(CORPUS.resolve("refused").resolve(name)));
		List<String> expected = REFUSALS.get(name);
		assertThat(expected).as("the reason " + name + " is refused is written down").isNotNull();
		List<String> errors = parse.errors().stream().map(LineError::located).toList();
		assertThat(errors).as(name).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(errors.get(i)).as(name).contains(expected.get(i));
		}
	}

	static Stream<String> accepted() throws IOException {
		List<String> names = names("upsun");
		assertThat(names).as("real configs accepted").hasSizeGreaterThanOrEqualTo(15);
		return names.stream();
	}

	static Stream<String> refused() throws IOException {
		return names("refused").stream();
	}

	static List<String> names(String folder) throws IOException {
		try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
