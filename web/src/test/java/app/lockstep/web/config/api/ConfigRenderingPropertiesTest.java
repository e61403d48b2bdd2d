package app.lockstep.web.config.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.ReadConfigForDeployment;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.config.spec.Spec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated specs that Lockstep accepts survive the config API's JSON (back to YAML, read
 * again) and its YAML, whatever their values: quotes, colons, YAML keywords, numbers as
 * text, unicode.
 */
class ConfigRenderingPropertiesTest {

	private final ConfigRendering rendering = new ConfigRendering();

	private final JsonMapper json = JsonMapper.builder().build();

	@Property(tries = 150)
	void anAcceptedSpecRoundTripsThroughJsonAndYaml(@ForAll("specs") String text) {
		Spec spec = InfrastructureSpec.parse(text).spec();
		assertThat(spec).as(text).isNotNull();
		ReadConfigForDeployment.Resolved config = new ReadConfigForDeployment.Resolved(
				new ReadConfigForDeployment.Version(1, 0), text, Map.of("KEY", "value"), Map.of(), true);
		Map<?, ?> body = this.json.readValue(this.rendering.json(config), Map.class);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		String backToYaml = new Yaml(options).dump(body.get("infrastructure"));
		assertThat(InfrastructureSpec.parse(backToYaml).spec()).isEqualTo(spec);
		Object fromYaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(this.rendering.yaml(config));
		assertThat(fromYaml).isEqualTo(body);
	}

	@Provide
	Arbitrary<String> specs() {
		Arbitrary<String> value = Arbitraries.oneOf(
				Arbitraries.of("yes", "no", "on", "off", "null", "~", "1.0", "0x10", "007", "1e3", "true", "#hash",
						"a: b", "- item", "'quoted'", "\"double\"", "\u00e9t\u00e9 \u2603", "", " lead", "{x}", "[y]",
						"*alias", "&anchor", "!tag", "%", "@", "`tick`", "line\nbreak", "tab\there", "2026-12-03"),
				Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12));
		Arbitrary<String> runtime = Arbitraries.of("php:8.5", "php:8.4", "python:3.14", "nodejs:24", "ruby:3.4",
				"golang:1.25");
		Arbitrary<String> service = Arbitraries.of("postgresql:18", "mariadb:11.4", "redis:8.0", "valkey:8.0",
				"opensearch:3");
		return Combinators
			.combine(runtime, service, value.list().ofMaxSize(4), value, Arbitraries.integers().between(1, 3600))
			.as((type, engine, env, hook, timeout) -> {
				Map<String, Object> variables = new LinkedHashMap<>();
				for (int i = 0; i < env.size(); i++) {
					variables.put("VAR_" + i, env.get(i));
				}
				Map<String, Object> app = new LinkedHashMap<>();
				app.put("type", type);
				app.put("relationships", Map.of("database", "db:default"));
				app.put("variables", Map.of("env", variables));
				app.put("hooks", Map.of("build", hook));
				app.put("crons", Map.of("job",
						Map.of("spec", "*/5 * * * *", "commands", Map.of("start", hook), "timeout", timeout)));
				app.put("web", Map.of("locations", Map.of("/", Map.of("root", "public", "passthru", true))));
				Map<String, Object> tree = new LinkedHashMap<>();
				tree.put("applications", Map.of("app", app));
				tree.put("services", Map.of("db", Map.of("type", engine)));
				tree.put("routes", Map.of("https://{default}/", Map.of("type", "upstream", "upstream", "app:http")));
				return new Yaml().dump(tree);
			});
	}

}
