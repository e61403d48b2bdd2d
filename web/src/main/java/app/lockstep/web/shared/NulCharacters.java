package app.lockstep.web.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text, so no text that reaches it
 * may contain one: a request with one is refused with the field named, before anything
 * runs. This finds the first such text in a request body as read (records, lists, maps,
 * JSON trees) and names it by its JSON path, such as {@code variables[2].name}.
 */
public final class NulCharacters {

	public static final String MESSAGE = "Remove the NUL character (\\u0000): text cannot contain it.";

	private static final int MAX_DEPTH = 64;

	private NulCharacters() {
	}

	public static boolean in(@Nullable String text) {
		return text != null && text.indexOf('\0') >= 0;
	}

	/** The path of the first text with a NUL character in the value, if any. */
	public static Optional<String> find(@Nullable Object value) {
		return Optional.ofNullable(find(value, "", 0));
	}

	private static @Nullable String find(@Nullable Object value, String path, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return null;
		}
		if (value instanceof CharSequence text) {
			return in(text.toString()) ? name(path) : null;
		}
		if (value instanceof JsonNode node) {
			return node(node, path, depth);
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				String found = in(key) ? name(path) : find(entry.getValue(), child(path, key), depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				String found = find(item, path + "[" + i++ + "]", depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (value instanceof Object[] items) {
			for (int i = 0; i < items.length; i++) {
				String found = find(items[i], path + "[" + i + "]", depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				String found = find(read(component, value), child(path, component.getName()), depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static @Nullable String node(JsonNode node, String path, int depth) {
		if (node.isString()) {
			return in(node.stringValue()) ? name(path) : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = find(node.get(i), path + "[" + i + "]", depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String found = in(field.getKey()) ? name(path)
						: find(field.getValue(), child(path, field.getKey()), depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static @Nullable Object read(RecordComponent component, Object record) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
			return null;
		}
	}

	private static String child(String path, String name) {
		String safe = name.replace("\0", "\\u0000");
		return path.isEmpty() ? safe : path + "." + safe;
	}

	private static String name(String path) {
		return path.isEmpty() ? "body" : path;
	}

}
