package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An infrastructure spec as data: the YAML's values (merge keys resolved) in the order
 * written, with views of what people look for first: each application's and service's
 * type, and the routes.
 */
public record Spec(Map<String, @Nullable Object> tree) {

	public static final Spec EMPTY = new Spec(Map.of());

	public Spec {
		tree = Collections.unmodifiableMap(new LinkedHashMap<>(tree));
	}

	public Map<String, @Nullable Object> applications() {
		return section("applications");
	}

	public Map<String, @Nullable Object> services() {
		return section("services");
	}

	public Map<String, @Nullable Object> routes() {
		return section("routes");
	}

	/** An application's or service's type as written, such as "php:8.4". */
	public Optional<String> type(String section, String name) {
		if (section(section).get(name) instanceof Map<?, ?> settings && settings.get("type") instanceof String type) {
			return Optional.of(type);
		}
		return Optional.empty();
	}

	/** The value at a path of keys, such as [applications, app, web, locations, /]. */
	public Optional<Object> at(List<String> path) {
		Object current = this.tree;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return Optional.empty();
			}
			current = map.get(key);
		}
		return Optional.ofNullable(current);
	}

	/** Whether a path of keys exists, even with an empty value. */
	public boolean has(List<String> path) {
		Object current = this.tree;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return false;
			}
			current = map.get(key);
		}
		return true;
	}

	public boolean isEmpty() {
		return applications().isEmpty() && services().isEmpty() && routes().isEmpty();
	}

	@SuppressWarnings("unchecked")
	private Map<String, @Nullable Object> section(String key) {
		return (this.tree.get(key) instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : Map.of();
	}

	static List<String> path(String... keys) {
		return new ArrayList<>(List.of(keys));
	}

}
