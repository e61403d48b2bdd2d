package app.lockstep.domain.config.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An accepted spec written out as YAML reads back as the same spec (JSON is covered where
 * the API writes it, in web).
 */
class SpecRoundTripPropertiesTest {

	@Test
	void everyAcceptedRealConfigRoundTripsThroughYaml() throws IOException {
		for (String name : UpsunCorpusTest.names("upsun")) {
			Spec spec = InfrastructureSpec
				.parse(Files.readString(UpsunCorpusTest.CORPUS.resolve("upsun").resolve(name)))
				.spec();
			SpecParse again = InfrastructureSpec.parse(InfrastructureSpec.render(spec));
			assertThat(again.errors()).as(name).isEmpty();
			assertThat(again.spec()).as(name).isEqualTo(spec);
		}
	}

	@Property(tries = 200)
	void generatedSpecsRoundTripThroughYaml(@ForAll("specs") Map<String, @Nullable Object> tree) {
		Spec spec = new Spec(tree);
		SpecParse parse = InfrastructureSpec.parse(InfrastructureSpec.render(spec));
		assertThat(parse.errors()).isEmpty();
		assertThat(parse.spec()).isEqualTo(spec);
	}

	/** Control characters are refused in a spec (see InfrastructureSpecTest). */
	static boolean printable(String text) {
		return text.codePoints().allMatch(SpecRules::printable);
	}

	/** Specs with awkward values: quotes, colons, hashes, numbers as text, unicode. */
	@Provide
	static Arbitrary<Map<String, @Nullable Object>> specs() {
		Arbitrary<String> text = Arbitraries.oneOf(
				Arbitraries.of("yes", "no", "on", "null", "~", "1.0", "0x10", "007", "true", "#hash", "a: b", "- item",
						"'quoted'", "\"double\"", "\u00e9t\u00e9 \u2603", "", " lead", "{x}", "[y]", "*alias",
						"&anchor", "!tag", "%", "@", "`tick`", "line\nbreak"),
				Arbitraries.strings().ofMaxLength(12).filter(SpecRoundTripPropertiesTest::printable));
		Arbitrary<Map<String, Object>> variables = Arbitraries
			.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), text)
			.ofMaxSize(4)
			.map((env) -> Map.of("env", env));
		Arbitrary<String> runtime = Arbitraries.of("php:8.5", "python:3.14", "nodejs:24", "ruby:3.4");
		Arbitrary<Map<String, @Nullable Object>> application = Combinators
			.combine(runtime, variables, text, Arbitraries.integers().between(1, 86_400))
			.as((type, vars, hook, timeout) -> {
				Map<String, @Nullable Object> app = new LinkedHashMap<>();
				app.put("type", type);
				app.put("variables", vars);
				app.put("hooks", Map.of("build", hook));
				app.put("crons", Map.of("job",
						Map.of("spec", "*/5 * * * *", "commands", Map.of("start", hook), "timeout", (long) timeout)));
				return app;
			});
		return application.map((app) -> {
			Map<String, @Nullable Object> tree = new LinkedHashMap<>();
			tree.put("applications", Map.of("app", app));
			tree.put("services", Map.of("db", Map.of("type", "postgresql:18")));
			tree.put("routes", Map.of("https://{default}/", Map.of("type", "upstream", "upstream", "app:http")));
			return tree;
		});
	}

}
