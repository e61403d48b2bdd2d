package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and writes the infrastructure spec: YAML in the shape of Upsun's
 * .upsun/config.yaml. Reading checks the text against Upsun's schema and image registry
 * and reports every problem at its line and column; only YAML's node structure is read,
 * so no type is ever instantiated from the text.
 */
public final class InfrastructureSpec {

	public static final int MAX_BYTES = YamlText.MAX_BYTES;

	/**
	 * The JSON Schema specs are validated with, on the class path (for the editor too).
	 */
	public static final String SCHEMA_RESOURCE = UpsunSchema.RESOURCE;

	private InfrastructureSpec() {
	}

	/** Reads and validates a spec: what a save goes through. */
	public static SpecParse parse(String yaml) {
		YamlText.Composed composed = YamlText.resolve(yaml);
		if (!composed.valid()) {
			return SpecParse.invalid(composed.errors(), List.of());
		}
		Node root = composed.root();
		if (root == null || isNull(root)) {
			return SpecParse.of(Spec.EMPTY, List.of());
		}
		List<LineError> errors = new ArrayList<>(UpsunSchema.get().validate(root));
		Map<String, @Nullable Object> tree = tree(root);
		List<LineError> warnings = new ArrayList<>();
		if (tree != null) {
			SpecRules.Findings findings = SpecRules.check(root, tree, ImageRegistry.upsun());
			Set<String> reported = new HashSet<>();
			errors.forEach((error) -> reported.add(error.line() + ":" + error.column()));
			findings.errors()
				.stream()
				.filter((error) -> !reported.contains(error.line() + ":" + error.column()))
				.forEach(errors::add);
			warnings.addAll(findings.warnings());
		}
		// a value merged into several mappings (<<: *anchor) is one mistake, said once
		errors = sortedOnce(errors);
		warnings = sortedOnce(warnings);
		if (!errors.isEmpty() || tree == null) {
			return SpecParse.invalid(errors.isEmpty()
					? List.of(YamlText.at(root, "The spec must be a mapping with applications, services and routes"))
					: errors, warnings);
		}
		return SpecParse.of(new Spec(tree), warnings);
	}

	/**
	 * Reads a spec saved earlier without judging it again: the rules and the registry
	 * move on (a version retires), but a stored revision still shows and compares as it
	 * was written. Text that is not a YAML mapping reads as the empty spec.
	 */
	public static Spec read(String yaml) {
		YamlText.Composed composed = YamlText.resolve(yaml);
		if (!composed.valid() || composed.root() == null) {
			return Spec.EMPTY;
		}
		Map<String, @Nullable Object> tree = tree(composed.root());
		return (tree != null) ? new Spec(tree) : Spec.EMPTY;
	}

	/**
	 * Writes the spec as canonical block YAML (two-space indents, keys in the order
	 * written); reading it back gives an equal spec.
	 */
	public static String render(Spec spec) {
		return YamlWriter.block(spec.tree());
	}

	private static List<LineError> sortedOnce(List<LineError> problems) {
		return new ArrayList<>(new LinkedHashSet<>(problems)).stream()
			.sorted(Comparator.comparingInt(LineError::line).thenComparingInt(LineError::column))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, @Nullable Object> tree(Node root) {
		Object value = YamlValues.of(root);
		return (value instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : null;
	}

	private static boolean isNull(Node root) {
		return YamlValues.of(root) == null;
	}

}
