package app.lockstep.persistence.shared;

import java.util.Map;

import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSONB to and from maps, for the few columns that hold structured details. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JSONB of(Map<String, ?> value) {
		return JSONB.valueOf(MAPPER.writeValueAsString(value));
	}

	public static Map<String, Object> map(JSONB value) {
		return map(value.data());
	}

	public static Map<String, Object> map(String json) {
		return MAPPER.readValue(json, MAP);
	}

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

}
