package app.lockstep.web.config.api;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.config.DotenvFile;
import app.lockstep.domain.config.ReadConfigForDeployment;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The config API's representations: JSON, the same as YAML, a .env file, and the spec
 * alone as .upsun/config.yaml text.
 */
@Component
class ConfigRendering {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Yaml yaml = yaml();

	/** The representation's text (see ConfigApiController#representation). */
	String render(ReadConfigForDeployment.Resolved config, String representation) {
		return switch (representation) {
			case "dotenv" -> dotenv(config.variables(), DotenvFile.Dialect.PORTABLE);
			case "dotenv-python" -> dotenv(config.variables(), DotenvFile.Dialect.PYTHON_DOTENV);
			case "yaml" -> yaml(config);
			case "upsun" -> config.infrastructure();
			default -> json(config);
		};
	}

	/** The representation's media type, as the Content-Type header says it. */
	static String contentType(String representation) {
		return switch (representation) {
			case "dotenv", "dotenv-python" -> "text/plain;charset=UTF-8";
			case "yaml", "upsun" -> "application/yaml;charset=UTF-8";
			default -> "application/json";
		};
	}

	String json(ReadConfigForDeployment.Resolved config) {
		return this.json.writeValueAsString(body(config));
	}

	/** The JSON's content as YAML, key for key. */
	String yaml(ReadConfigForDeployment.Resolved config) {
		return this.yaml.dump(body(config));
	}

	String dotenv(Map<String, String> variables, DotenvFile.Dialect dialect) {
		return DotenvFile.write(variables, dialect);
	}

	private static Map<String, Object> body(ReadConfigForDeployment.Resolved config) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("revision", config.version().revision());
		body.put("projectRevision", config.version().projectRevision());
		body.put("infrastructure", InfrastructureSpec.read(config.infrastructure()).tree());
		body.put("variables", config.variables());
		return body;
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setSplitLines(false);
		options.setWidth(Integer.MAX_VALUE);
		options.setLineBreak(DumperOptions.LineBreak.UNIX);
		return new Yaml(new Representer(options), options);
	}

}
