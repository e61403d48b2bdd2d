package app.lockstep.web.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to answer the domain's refusals (decision 24): a refusal nobody shows on a form
 * goes to {@code PageErrors} or {@code ApiErrors}; a form that shows it again names it in
 * {@code Refusals.onForm(...)}, which alone catches {@code ValidationException},
 * {@code ConflictException} and {@code ForbiddenException} and sets the status. The two
 * exceptions render nothing: the webhook counts a refused delivery and throws it on, the
 * audit API adds the filter's problems to the cursor's and throws them together.
 */
class RefusalIdiomTest {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Pattern CATCH = Pattern.compile(
			"catch \\(([^)]*\\b(?:ValidationException|ConflictException|ForbiddenException|DomainException)\\b[^)]*)\\)");

	@Test
	void onlyRefusalsCatchesTheDomainsRefusals() throws IOException {
		assertThat(catching()).containsExactly("app/lockstep/web/audit/api/AuditApiController.java",
				"app/lockstep/web/code/api/WebhookController.java", "app/lockstep/web/shared/Refusals.java");
	}

	private static List<String> catching() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles()) {
			Matcher matcher = CATCH.matcher(Files.readString(file));
			if (matcher.find()) {
				found.add(SOURCES.relativize(file).toString());
			}
		}
		return found;
	}

	private static List<Path> javaFiles() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter((path) -> path.toString().endsWith(".java")).sorted().toList();
		}
	}

}
