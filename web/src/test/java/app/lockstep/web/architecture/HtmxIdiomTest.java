package app.lockstep.web.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to tell an htmx request on the server: a handler takes the library's
 * {@code HtmxRequest} (code outside a handler asks {@code HtmxRequest.fromRequest});
 * nobody reads the header by name. The one exception is the security configuration, which
 * matches htmx requests before any handler runs.
 */
class HtmxIdiomTest {

	private static final Path SOURCES = Path.of("src/main/java");

	@Test
	void noCodeReadsTheHtmxRequestHeaderByName() throws IOException {
		assertThat(filesContaining("\"HX-Request\""))
			.containsExactly("app/lockstep/web/shared/SecurityConfiguration.java");
	}

	@Test
	void navigationAfterAnHtmxRequestIsARedirectHtmxView() throws IOException {
		assertThat(filesContaining("\"HX-Redirect\"")).isEmpty();
		assertThat(filesContaining("\"HX-Location\"")).isEmpty();
	}

	private static List<String> filesContaining(String text) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				if (Files.readString(file).contains(text)) {
					found.add(SOURCES.relativize(file).toString());
				}
			}
		}
		return found;
	}

}
