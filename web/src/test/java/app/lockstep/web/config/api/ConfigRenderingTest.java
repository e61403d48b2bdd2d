package app.lockstep.web.config.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import app.lockstep.domain.config.ReadConfigForDeployment;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.config.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config API's JSON and YAML carry the whole spec and every value exactly: each real
 * config accepted from the corpus survives JSON and back to YAML, and the YAML reads as
 * the JSON does, in Java and in Python (PyYAML, json).
 */
class ConfigRenderingTest {

	private static final Path CORPUS = Path.of("../domain/src/test/resources/upsun-corpus/upsun");

	private static final Map<String, String> AWKWARD = awkward();

	private final ConfigRendering rendering = new ConfigRendering();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void everyAcceptedRealSpecRoundTripsThroughTheApiJsonAndBackToYaml() throws IOException {
		List<Path> files;
		try (Stream<Path> listed = Files.list(CORPUS)) {
			files = listed.sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(15);
		for (Path file : files) {
			String text = Files.readString(file);
			Spec spec = InfrastructureSpec.parse(text).spec();
			Map<?, ?> body = this.json.readValue(this.rendering.json(resolved(text)), Map.class);
			String yaml = block().dump(body.get("infrastructure"));
			assertThat(InfrastructureSpec.parse(yaml).spec()).as(file.getFileName().toString()).isEqualTo(spec);
			Object fromYaml = new Yaml(new SafeConstructor(new LoaderOptions()))
				.load(this.rendering.yaml(resolved(text)));
			assertThat(fromYaml).as(file.getFileName().toString()).isEqualTo(body);
		}
	}

	@Test
	void theYamlReadsAsTheJsonInPython() throws Exception {
		String text = Files.readString(CORPUS.resolve("upsun-demo-clamav.yaml"));
		Path json = this.directory.resolve("config.json");
		Path yaml = this.directory.resolve("config.yaml");
		Files.writeString(json, this.rendering.json(resolved(text)), StandardCharsets.UTF_8);
		Files.writeString(yaml, this.rendering.yaml(resolved(text)), StandardCharsets.UTF_8);
		Process python = new ProcessBuilder(python(), "-c", "import json, sys, yaml\n"
				+ "a = json.load(open(sys.argv[1], encoding='utf-8'))\n"
				+ "b = yaml.safe_load(open(sys.argv[2], encoding='utf-8', newline=''))\n"
				+ "print('same' if a == b else 'DIFFERENT', [k for k in a['variables'] if a['variables'][k] != b['variables'].get(k)])\n",
				json.toString(), yaml.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(output.strip()).isEqualTo("same []");
	}

	private static ReadConfigForDeployment.Resolved resolved(String infrastructure) {
		return new ReadConfigForDeployment.Resolved(new ReadConfigForDeployment.Version(3, 1), infrastructure, AWKWARD,
				Map.of(), true);
	}

	/** A python3 with PyYAML (Debian's python3-yaml, or pip's). */
	private static String python() throws Exception {
		for (String candidate : List.of("python3", "/usr/bin/python3")) {
			try {
				Process process = new ProcessBuilder(candidate, "-c", "import yaml").redirectErrorStream(true).start();
				if (process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0) {
					return candidate;
				}
			}
			catch (IOException ex) {
				// the next one
			}
		}
		throw new IllegalStateException("This test reads YAML with PyYAML: apt-get install python3-yaml");
	}

	private static Yaml block() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options);
	}

	private static Map<String, String> awkward() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("DOLLAR", "pa$$word ${HOME} $(touch x) `y`");
		values.put("QUOTES", "it's \"quoted\"");
		values.put("HASH_EQUALS", "a #b = c");
		values.put("BACKSLASHES", "C:\\path\\n \\\\server\\");
		values.put("WHITESPACE", " \ttab, CR\r\nand LF\n ");
		values.put("UNICODE", "\u00e9t\u00e9 \u2603 \ud83d\ude80");
		values.put("PEM", "-----BEGIN KEY-----\nMIIB\n-----END KEY-----\n");
		values.put("EMPTY", "");
		values.put("LOOKS_LIKE_YAML", "yes");
		values.put("NUMBER_TEXT", "007");
		values.put("NULL_TEXT", "null");
		return values;
	}

}
