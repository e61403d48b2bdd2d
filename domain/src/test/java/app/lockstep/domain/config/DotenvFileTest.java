package app.lockstep.domain.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The .env output read back by the readers teams use: POSIX sh, Docker Compose's rules
 * and python-dotenv (with and without interpolation), on the awkward values.
 */
class DotenvFileTest {

	static final Map<String, String> AWKWARD = awkward();

	@TempDir
	Path directory;

	@Test
	void everyReaderReadsThePortableFileExactlyAndNothingRuns() throws IOException {
		Map<String, String> writable = new LinkedHashMap<>(AWKWARD);
		writable.remove("CARRIAGE_RETURN");
		Path file = DotenvReaders.write(this.directory, DotenvFile.write(writable, DotenvFile.Dialect.PORTABLE));
		List<String> names = new ArrayList<>(writable.keySet());
		assertThat(DotenvReaders.sh(file, names)).isEqualTo(writable);
		assertThat(ComposeEnvFile.parse(Files.readString(file))).isEqualTo(writable);
		assertThat(DotenvReaders.pythonDotenv(file, false)).isEqualTo(writable);
		Map<String, String> interpolated = DotenvReaders.pythonDotenv(file, true);
		writable.forEach((name, value) -> {
			if (!value.contains("${")) {
				assertThat(interpolated.get(name)).as(name).isEqualTo(value);
			}
		});
		assertThat(this.directory.resolve("pwned")).as("a value never runs a command when sourced").doesNotExist();
		assertThat(Files.readString(file)).startsWith("# ${...} below is literal text");
	}

	@Test
	void pythonDotenvWithItsInterpolationReadsItsDialectExactly() throws IOException {
		Path file = DotenvReaders.write(this.directory, DotenvFile.write(AWKWARD, DotenvFile.Dialect.PYTHON_DOTENV));
		assertThat(DotenvReaders.pythonDotenv(file, true)).isEqualTo(AWKWARD);
	}

	@Test
	void aValueNoQuotingServesForEveryReaderIsRefusedNamedNotWrittenWrong() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("OK", "fine");
		variables.put("CR", "a\r\nb");
		variables.put("MIXED", "it's $HOME");
		variables.put("TRAILING", "C:\\");
		assertThatThrownBy(() -> DotenvFile.write(variables, DotenvFile.Dialect.PORTABLE))
			.isInstanceOfSatisfying(DotenvFile.UnwritableValues.class, (ex) -> assertThat(ex.reasons())
				.containsOnlyKeys("CR", "MIXED", "TRAILING")
				.containsEntry("CR",
						"it contains a carriage return, which python-dotenv turns into a newline when it reads a file"));
	}

	@Test
	void generatedValuesAreReadBackExactlyOrRefused() throws IOException {
		Random random = new Random(20261203);
		String alphabet = "aZ9 _-=#'\"\\$`{}()!*?;&|<>~\t\n\u00e9\u2603\ud83d\ude80";
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < 400; i++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(12);
			for (int c = 0; c < length; c++) {
				value.appendCodePoint(alphabet.codePointAt(
						alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
			}
			if (DotenvFile.portable(value.toString()) != null) {
				values.put("V" + i, value.toString());
			}
		}
		assertThat(values).hasSizeGreaterThan(200);
		Path file = DotenvReaders.write(this.directory, DotenvFile.write(values, DotenvFile.Dialect.PORTABLE));
		assertThat(DotenvReaders.sh(file, new ArrayList<>(values.keySet()))).isEqualTo(values);
		assertThat(ComposeEnvFile.parse(Files.readString(file))).isEqualTo(values);
		assertThat(DotenvReaders.pythonDotenv(file, false)).isEqualTo(values);
		Path python = this.directory.resolve("python");
		Files.createDirectories(python);
		Path pythonFile = DotenvReaders.write(python, DotenvFile.write(values, DotenvFile.Dialect.PYTHON_DOTENV));
		assertThat(DotenvReaders.pythonDotenv(pythonFile, true)).isEqualTo(values);
	}

	private static Map<String, String> awkward() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("DOLLAR", "pa$$word$HOME");
		values.put("BRACES", "${HOME}/x and ${UNSET:-default}");
		values.put("BACKTICKS", "`touch pwned`");
		values.put("SUBSHELL", "$(touch pwned)");
		values.put("SINGLE_QUOTE", "it's");
		values.put("DOUBLE_QUOTES", "say \"hi\" now");
		values.put("BOTH_QUOTES", "'single' and \"double\" inside");
		values.put("HASH", "a #not a comment");
		values.put("EQUALS", "key=value=more");
		values.put("BACKSLASHES", "C:\\path\\to\\n and \\\\server");
		values.put("TABS", "a\tb\t");
		values.put("NEWLINES", "line one\nline two\n");
		values.put("UNICODE", "\u00e9t\u00e9 \u2603 \ud83d\ude80 \u4e2d\u6587");
		values.put("PEM", """
				-----BEGIN PRIVATE KEY-----
				MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
				MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
				-----END PRIVATE KEY-----
				""");
		values.put("EMPTY", "");
		values.put("SPACES", "  padded  ");
		values.put("STARTS_WITH_QUOTE", "'quoted'");
		values.put("ENDS_WITH_DOUBLE_QUOTE", "say \"hi\"");
		values.put("CARRIAGE_RETURN", "windows\r\nline");
		return values;
	}

}
