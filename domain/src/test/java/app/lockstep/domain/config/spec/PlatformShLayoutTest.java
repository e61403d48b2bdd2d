package app.lockstep.domain.config.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Platform.sh layouts from public repositories (resources/upsun-corpus/platformsh).
 */
class PlatformShLayoutTest {

	@Test
	void aMultiAppLayoutBecomesOneFileWithEachAppUnderItsNameAndItsDirectoryAsSourceRoot() {
		PlatformShLayout.Conversion conversion = PlatformShLayout.convert(layout("templates-nextjs-drupal"));
		assertThat(conversion.problems()).isEmpty();
		Spec spec = InfrastructureSpec.read(conversion.text());
		assertThat(spec.applications().keySet()).containsExactly("drupal", "nextjs");
		assertThat(spec.at(List.of("applications", "drupal", "source", "root"))).contains("api");
		assertThat(spec.at(List.of("applications", "nextjs", "source", "root"))).contains("client");
		assertThat(spec.has(List.of("applications", "drupal", "name"))).isFalse();
		assertThat(spec.has(List.of("applications", "nextjs", "size"))).isFalse();
		assertThat(spec.services().keySet()).containsExactly("db", "cache", "files");
		assertThat(spec.has(List.of("services", "db", "disk"))).isFalse();
		assertThat(spec.routes()).isNotEmpty();
		assertThat(conversion.notes()).contains(
				"Application \"nextjs\": removed size: L (Upsun sets it with resources)",
				"Application \"drupal\": added source.root: api (where its file was)");
		assertThat(conversion.text()).as("comments are kept")
			.contains(
					"#         curl -fsS https://raw.githubusercontent.com/platformsh/source-operations/main/setup.sh");
	}

	@Test
	void aListOfApplicationsWithAnAnchorAndAMergeKeyStillResolves() {
		PlatformShLayout.Conversion conversion = PlatformShLayout.convert(layout("examples-tomcat-multi-app"));
		assertThat(conversion.problems()).isEmpty();
		Spec spec = InfrastructureSpec.read(conversion.text());
		assertThat(spec.applications().keySet()).containsExactly("app", "app2");
		assertThat(spec.type("applications", "app2")).as("merged from app").contains("java:8");
		assertThat(spec.at(List.of("applications", "app2", "source", "root"))).contains("app2");
		assertThat(conversion.text()).contains("  app: &appdef\n", "      <<: *appdef\n");
		assertThat(conversion.notes()).anyMatch((note) -> note.startsWith("Kept app.disk"));
	}

	@Test
	void everyLayoutConvertsToASpecThatOnlyItsOwnVersionsKeepFromSaving() {
		for (String name : List.of("templates-django4", "templates-golang", "templates-nextjs-drupal",
				"templates-strapi", "examples-tomcat-multi-app")) {
			PlatformShLayout.Conversion conversion = PlatformShLayout.convert(layout(name));
			assertThat(conversion.problems()).as(name).isEmpty();
			SpecParse parse = InfrastructureSpec.parse(conversion.text());
			// These templates are years old: their runtimes and services are retired on
			// Upsun, which is the only thing refused.
			assertThat(parse.errors()).as(name)
				.isNotEmpty()
				.allMatch((error) -> error.message().contains("is retired on Upsun"));
		}
	}

	@Test
	void aFileThatIsNotPartOfALayoutIsReportedAndNothingIsGuessed() {
		PlatformShLayout.Conversion conversion = PlatformShLayout.convert(Map.of("docker-compose.yml", "version: 3\n"));
		assertThat(conversion.problems()).containsExactly(
				"docker-compose.yml: not a Platform.sh file (expected .platform.app.yaml, .platform/applications.yaml, "
						+ ".platform/services.yaml or .platform/routes.yaml)");
		assertThat(conversion.text()).isEmpty();
		assertThat(PlatformShLayout.convert(Map.of(".platform.app.yaml", "name: [oops\n")).problems()).singleElement()
			.asString()
			.startsWith(".platform.app.yaml: Line ");
	}

	static Map<String, String> layout(String name) {
		Path root = UpsunCorpusTest.CORPUS.resolve("platformsh").resolve(name);
		Map<String, String> files = new LinkedHashMap<>();
		try (Stream<Path> all = Files.walk(root)) {
			for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
				files.put(root.relativize(file).toString(), Files.readString(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
