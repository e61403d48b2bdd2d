package app.lockstep.domain.config.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.harrel.jsonschema.Error;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.SnakeYamlNode;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The JSON Schema of Upsun's config (resources/upsun/config.schema.json), applied to a
 * resolved YAML document by a JSON Schema library, with each failure turned into one
 * message a person can act on, at the line and column of the node it is about.
 */
final class UpsunSchema {

	static final String RESOURCE = "/upsun/config.schema.json";

	private static final UpsunSchema INSTANCE = new UpsunSchema(read(RESOURCE));

	private final Validator validator;

	private final URI uri;

	private final SchemaDocument document;

	private UpsunSchema(String schema) {
		this.validator = new ValidatorFactory()
			.withJsonNodeFactories(new SnakeYamlNode.Factory(), new SnakeYamlNode.Factory())
			.createValidator();
		this.uri = this.validator.registerSchema(schema);
		this.document = new SchemaDocument(loadTree(schema));
	}

	static UpsunSchema get() {
		return INSTANCE;
	}

	SchemaDocument document() {
		return this.document;
	}

	/** Every problem the schema finds in the document, each once, sorted by position. */
	List<LineError> validate(Node root) {
		Validator.Result result = this.validator.validate(this.uri, root);
		if (result.isValid()) {
			return List.of();
		}
		List<Error> errors = result.getErrors();
		Set<LineError> reported = new LinkedHashSet<>();
		for (Error error : relevant(errors)) {
			reported.add(describe(root, error));
		}
		return reported.stream()
			.sorted(Comparator.comparingInt(LineError::line).thenComparingInt(LineError::column))
			.toList();
	}

	/**
	 * The errors worth showing: for a value that matches none of several alternatives
	 * (anyOf, oneOf), the errors of the alternative it was evidently written for (the one
	 * whose type it has), or else one error saying what is expected.
	 */
	private static List<Error> relevant(List<Error> errors) {
		List<Error> combinators = errors.stream()
			.filter((e) -> "anyOf".equals(e.getKeyword()) || "oneOf".equals(e.getKeyword()))
			.toList();
		List<Error> outermost = combinators.stream()
			.filter((c) -> combinators.stream().noneMatch((o) -> o != c && inside(c, o)))
			.toList();
		List<Error> kept = new ArrayList<>();
		for (Error error : errors) {
			if (!combinators.contains(error) && outermost.stream().noneMatch((c) -> inside(error, c))) {
				kept.add(error);
			}
		}
		for (Error combinator : outermost) {
			kept.addAll(branchErrors(combinator, errors));
		}
		return kept;
	}

	private static List<Error> branchErrors(Error combinator, List<Error> errors) {
		String prefix = combinator.getEvaluationPath() + "/";
		List<List<Error>> branches = new ArrayList<>();
		for (Error error : errors) {
			if (error == combinator || !error.getEvaluationPath().startsWith(prefix)) {
				continue;
			}
			String rest = error.getEvaluationPath().substring(prefix.length());
			int slash = rest.indexOf('/');
			int branch = Integer.parseInt((slash < 0) ? rest : rest.substring(0, slash));
			while (branches.size() <= branch) {
				branches.add(new ArrayList<>());
			}
			branches.get(branch).add(error);
		}
		List<List<Error>> written = branches.stream()
			.filter((branch) -> !branch.isEmpty()
					&& branch.stream().noneMatch((e) -> discriminates(e, combinator.getInstanceLocation())))
			.sorted(Comparator.comparingInt(List::size))
			.toList();
		if (written.isEmpty()) {
			return List.of(combinator);
		}
		return relevant(written.getFirst());
	}

	/**
	 * A failure on the alternative's own type or constant: the value is not of that kind.
	 */
	private static boolean discriminates(Error error, String instanceLocation) {
		return error.getInstanceLocation().equals(instanceLocation)
				&& List.of("type", "const", "enum", "required").contains(String.valueOf(error.getKeyword()));
	}

	private static boolean inside(Error error, Error combinator) {
		return error.getEvaluationPath().startsWith(combinator.getEvaluationPath() + "/");
	}

	private LineError describe(Node root, Error error) {
		List<String> path = JsonPointer.parse(error.getInstanceLocation());
		String keyword = String.valueOf(error.getKeyword());
		Map<String, Object> schema = this.document.at(error.getSchemaLocation());
		NodeLocator.Located located = NodeLocator.locate(root, path);
		String custom = (schema.get("x-error") instanceof String text) ? text : null;
		Node at = at(located);
		return switch (keyword) {
			case "null", "false", "additionalProperties", "unevaluatedProperties" ->
				unknownKey(root, path, error.getSchemaLocation());
			case "required" -> missing(located, path, schema);
			case "type" -> YamlText.at(at,
					(custom != null) ? fill(custom, located) : Paths.what(path) + " must be " + expected(schema));
			case "anyOf", "oneOf" -> YamlText.at(at,
					(custom != null) ? fill(custom, located) : Paths.what(path) + " must be " + alternatives(schema));
			case "enum" -> YamlText.at(at, (custom != null) ? fill(custom, located)
					: Paths.what(path) + " must be one of " + listed(schema.get("enum")));
			case "const" -> YamlText.at(at, (custom != null) ? fill(custom, located)
					: Paths.what(path) + " must be " + quoted(schema.get("const")));
			default ->
				YamlText.at(at, (custom != null) ? fill(custom, located) : Paths.what(path) + ": " + error.getError());
		};
	}

	/**
	 * Where to show a problem with a value: a scalar where it is written; a mapping or
	 * list at its key, since its own position is that of its first entry.
	 */
	private static Node at(NodeLocator.Located located) {
		boolean collection = located.value() instanceof MappingNode || located.value() instanceof SequenceNode;
		return (collection && located.key() != null) ? located.key() : located.value();
	}

	private LineError unknownKey(Node root, List<String> path, String schemaLocation) {
		String key = path.getLast();
		List<String> parent = path.subList(0, path.size() - 1);
		NodeLocator.Located located = NodeLocator.locate(root, path);
		Node at = (located.key() != null) ? located.key() : located.value();
		List<String> allowed = new ArrayList<>(this.document.propertiesBeside(schemaLocation));
		allowed.removeIf((name) -> name.startsWith("x-"));
		String suggestion = Suggestions.closest(key, allowed);
		String where = parent.isEmpty() ? "at the top level" : "in " + Paths.what(parent);
		String hint = (suggestion != null) ? "; did you mean \"" + suggestion + "\"?"
				: allowed.isEmpty() ? "" : "; expected " + String.join(", ", allowed);
		return YamlText.at(at, "Unknown key \"" + key + "\" " + where + hint);
	}

	private static LineError missing(NodeLocator.Located located, List<String> path, Map<String, Object> schema) {
		Set<String> present = (located.valueTree() instanceof Map<?, ?> map)
				? map.keySet().stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
		List<String> absent = (schema.get("required") instanceof List<?> required)
				? required.stream().map(String::valueOf).filter((name) -> !present.contains(name)).toList() : List.of();
		Node at = (located.key() != null) ? located.key() : located.value();
		String example = (schema.get("x-example") instanceof String text) ? ", such as " + text : "";
		String names = absent.stream().map((name) -> "\"" + name + "\"").collect(Collectors.joining(" and "));
		return YamlText.at(at, Paths.capitalized(Paths.what(path)) + " needs " + names + example);
	}

	private static String fill(String template, NodeLocator.Located located) {
		Object value = located.valueTree();
		return template.replace("{value}", (value != null) ? value.toString() : "");
	}

	static String expected(Map<String, Object> schema) {
		Object type = schema.get("type");
		if (type instanceof List<?> types) {
			return types.stream().map((t) -> kind(String.valueOf(t))).collect(Collectors.joining(" or "));
		}
		return (type != null) ? kind(type.toString()) : "something else";
	}

	private String alternatives(Map<String, Object> schema) {
		Object options = (schema.get("anyOf") != null) ? schema.get("anyOf") : schema.get("oneOf");
		if (!(options instanceof List<?> list)) {
			return "something else";
		}
		Set<String> kinds = new LinkedHashSet<>();
		for (Object option : list) {
			Map<String, Object> resolved = this.document.resolve(SchemaDocument.map(option));
			kinds.add(resolved.containsKey("const") ? quoted(resolved.get("const")) : expected(resolved));
		}
		return String.join(" or ", kinds);
	}

	private static String kind(String type) {
		return switch (type) {
			case "string" -> "text";
			case "integer" -> "a whole number";
			case "number" -> "a number";
			case "boolean" -> "true or false";
			case "object" -> "a mapping of keys to values";
			case "array" -> "a list";
			case "null" -> "empty";
			default -> type;
		};
	}

	private static String listed(@Nullable Object values) {
		if (!(values instanceof List<?> list)) {
			return "the documented values";
		}
		return list.stream().map(UpsunSchema::quoted).collect(Collectors.joining(", "));
	}

	private static String quoted(@Nullable Object value) {
		return (value instanceof String) ? "\"" + value + "\"" : String.valueOf(value);
	}

	private static String read(String resource) {
		try (InputStream in = UpsunSchema.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The schema " + resource + " is not on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> loadTree(String schema) {
		return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(schema);
	}

}
