package app.lockstep.web.config.api;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.config.ReadConfigForDeployment;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The config API's representations: JSON, a .env file. */
@Component
class ConfigRendering {

	private final JsonMapper json = JsonMapper.builder().build();

	String json(ReadConfigForDeployment.Resolved config) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("revision", config.version().revision());
		body.put("projectRevision", config.version().projectRevision());
		body.put("infrastructure", structure(config.infrastructure()));
		body.put("variables", config.variables());
		return this.json.writeValueAsString(body);
	}

	String dotenv(Map<String, String> variables) {
		StringBuilder out = new StringBuilder();
		variables.forEach((name, value) -> out.append(name)
			.append("=\"")
			.append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("$", "\\$"))
			.append("\"\n"));
		return out.toString();
	}

	private static Object structure(String infrastructure) {
		if (infrastructure.isBlank()) {
			return Map.of();
		}
		Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(infrastructure);
		return (loaded != null) ? loaded : Map.of();
	}

}
