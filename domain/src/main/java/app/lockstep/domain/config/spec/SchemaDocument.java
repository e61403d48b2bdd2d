package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The schema as plain data, to find what a failing schema location says: its properties
 * (to suggest the key a typo meant), its types and its own error text.
 */
final class SchemaDocument {

	private final Map<String, Object> root;

	SchemaDocument(Map<String, Object> root) {
		this.root = root;
	}

	Map<String, Object> root() {
		return this.root;
	}

	/** The schema at a location such as "https://…#/$defs/app/properties/type". */
	Map<String, Object> at(@Nullable String location) {
		if (location == null) {
			return Map.of();
		}
		int hash = location.indexOf('#');
		String fragment = (hash < 0) ? "" : location.substring(hash + 1);
		Object current = this.root;
		for (String key : JsonPointer.parse(fragment)) {
			if (current instanceof Map<?, ?> map) {
				current = map.get(key);
			}
			else if (current instanceof List<?> list) {
				int index = Integer.parseInt(key);
				current = (index < list.size()) ? list.get(index) : null;
			}
			else {
				return Map.of();
			}
		}
		return map(current);
	}

	/**
	 * The keys an object may have, given the location of the schema that refused one of
	 * its keys (its additionalProperties).
	 */
	List<String> propertiesBeside(String refusedAt) {
		String location = refusedAt;
		for (String suffix : List.of("/additionalProperties", "/unevaluatedProperties")) {
			if (location.endsWith(suffix)) {
				location = location.substring(0, location.length() - suffix.length());
			}
		}
		Set<String> names = new LinkedHashSet<>();
		collectProperties(at(location), names, 0);
		return new ArrayList<>(names);
	}

	private void collectProperties(Map<String, Object> schema, Set<String> names, int depth) {
		if (depth > 10) {
			return;
		}
		Map<String, Object> resolved = resolve(schema);
		names.addAll(map(schema.get("properties")).keySet());
		names.addAll(map(resolved.get("properties")).keySet());
		for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
			if (resolved.get(combinator) instanceof List<?> list) {
				list.forEach((item) -> collectProperties(map(item), names, depth + 1));
			}
		}
	}

	/** Follows a local $ref (such as "#/$defs/app"); other schemas as they are. */
	Map<String, Object> resolve(Map<String, Object> schema) {
		Map<String, Object> current = schema;
		for (int i = 0; i < 10 && current.get("$ref") instanceof String ref && ref.startsWith("#"); i++) {
			current = at(ref);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(@Nullable Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

}
