package app.lockstep.domain.config.spec;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML text composed into nodes, never constructed into objects (so no type named in the
 * text is ever instantiated), within limits that keep a hostile text cheap: its size,
 * aliases, nesting and the number of nodes it expands to.
 */
final class YamlText {

	static final int MAX_BYTES = 64 * 1024;

	static final int MAX_ALIASES = 50;

	static final int MAX_DEPTH = 20;

	/** Nodes the document may expand to once aliases are followed. */
	static final int MAX_NODES = 50_000;

	private YamlText() {
	}

	/** The outcome: the document's root (null when empty) or the problems found. */
	record Composed(@Nullable Node root, List<LineError> errors) {

		boolean valid() {
			return this.errors.isEmpty();
		}

	}

	/**
	 * Composes the text as written: anchors, aliases and merge keys ({@code <<}) are kept
	 * as nodes, with their positions. This is what edits work on.
	 */
	static Composed compose(String text) {
		if (text.isBlank()) {
			return new Composed(null, List.of());
		}
		int bytes = text.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			return invalid(LineError.general("The spec is " + bytes + " bytes; keep it to " + MAX_BYTES + " bytes ("
					+ MAX_BYTES / 1024 + " KiB) or less"));
		}
		try {
			Iterator<Node> documents = yaml().composeAll(new StringReader(text)).iterator();
			if (!documents.hasNext()) {
				return new Composed(null, List.of());
			}
			Node root = documents.next();
			if (documents.hasNext()) {
				Mark second = documents.next().getStartMark();
				return invalid(new LineError(second.getLine() + 1, second.getColumn() + 1,
						"Write one YAML document: remove the second \"---\" and what follows"));
			}
			return new Composed(root, List.of());
		}
		catch (MarkedYAMLException ex) {
			return invalid(syntaxError(ex));
		}
		catch (YAMLException ex) {
			return invalid(LineError.general(limitExceeded(ex)));
		}
	}

	/**
	 * Composes the text and resolves merge keys, so that every mapping holds its own and
	 * its merged entries, as YAML means them. Duplicate keys written in one mapping are
	 * reported, as is a document that expands beyond {@link #MAX_NODES}.
	 */
	static Composed resolve(String text) {
		Composed composed = compose(text);
		if (!composed.valid() || composed.root() == null) {
			return composed;
		}
		List<LineError> errors = new ArrayList<>();
		Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		duplicates(composed.root(), seen, errors);
		if (!errors.isEmpty()) {
			return new Composed(null, errors);
		}
		try {
			new MergeKeys().flattenAll(composed.root());
		}
		catch (MarkedYAMLException ex) {
			return invalid(syntaxError(ex));
		}
		catch (YAMLException ex) {
			return invalid(LineError.general("The merge keys (<<) could not be resolved: " + ex.getMessage()));
		}
		if (expandedSize(composed.root(), 0) > MAX_NODES) {
			return invalid(LineError.general("The spec expands to more than " + MAX_NODES
					+ " values through its aliases; write it out instead"));
		}
		return composed;
	}

	private static Composed invalid(LineError error) {
		return new Composed(null, List.of(error));
	}

	static LineError at(Node node, String message) {
		Mark mark = node.getStartMark();
		return (mark != null) ? new LineError(mark.getLine() + 1, mark.getColumn() + 1, message)
				: LineError.general(message);
	}

	private static void duplicates(Node node, Set<Node> seen, List<LineError> errors) {
		if (!seen.add(node)) {
			return;
		}
		if (node instanceof MappingNode mapping) {
			Set<String> keys = new HashSet<>();
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key && !Tag.MERGE.equals(key.getTag())
						&& !keys.add(key.getValue())) {
					errors.add(at(key, "Duplicate key \"" + key.getValue() + "\""));
				}
				duplicates(tuple.getKeyNode(), seen, errors);
				duplicates(tuple.getValueNode(), seen, errors);
			}
		}
		else if (node instanceof SequenceNode sequence) {
			sequence.getValue().forEach((item) -> duplicates(item, seen, errors));
		}
	}

	/** Counts nodes as if aliases were written out, stopping once past the limit. */
	private static int expandedSize(Node node, int counted) {
		int total = counted + 1;
		if (total > MAX_NODES) {
			return total;
		}
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				total = expandedSize(tuple.getValueNode(), total + 1);
				if (total > MAX_NODES) {
					return total;
				}
			}
		}
		else if (node instanceof SequenceNode sequence) {
			for (Node item : sequence.getValue()) {
				total = expandedSize(item, total);
				if (total > MAX_NODES) {
					return total;
				}
			}
		}
		return total;
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setAllowRecursiveKeys(false);
		options.setCodePointLimit(MAX_BYTES);
		options.setNestingDepthLimit(MAX_DEPTH);
		return new Yaml(options);
	}

	private static LineError syntaxError(MarkedYAMLException ex) {
		Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
		String problem = (ex.getProblem() != null) ? ex.getProblem() : String.valueOf(ex.getMessage());
		String message = "YAML syntax error: " + describe(problem, ex.getContext());
		if (mark == null) {
			return LineError.general(message);
		}
		return new LineError(mark.getLine() + 1, mark.getColumn() + 1, message);
	}

	/** The loader's limits are the only problems it reports without a position. */
	private static String limitExceeded(YAMLException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.startsWith("Number of aliases")) {
			return "The spec refers to lists or mappings by alias (*name) more than " + MAX_ALIASES
					+ " times; write them out instead";
		}
		if (message.startsWith("Nesting Depth")) {
			return "The spec is nested more deeply than " + MAX_DEPTH + " levels";
		}
		return "The spec could not be read: " + message;
	}

	/** SnakeYAML's complaint, with what usually causes the most common ones. */
	private static String describe(String problem, @Nullable String context) {
		if (problem.contains("(TAB)")) {
			return "a tab cannot indent YAML; indent with spaces";
		}
		if (problem.startsWith("Global tag is not allowed")) {
			return "tags such as !!java.lang.Object are not allowed";
		}
		if (problem.startsWith("expected <block end>")) {
			return problem + " (check the indentation of this line)";
		}
		if (problem.startsWith("mapping values are not allowed")) {
			return problem + " (check the indentation, or quote a value that contains \": \")";
		}
		if (problem.startsWith("found undefined alias")) {
			return problem + " (define the anchor with &name before using *name)";
		}
		return (context != null) ? problem + " (" + context + ")" : problem;
	}

	/**
	 * Resolves merge keys the way SnakeYAML's constructor does, node by node, without
	 * constructing anything.
	 */
	private static final class MergeKeys extends SafeConstructor {

		private final Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());

		MergeKeys() {
			super(new LoaderOptions());
		}

		void flattenAll(Node node) {
			if (!this.done.add(node)) {
				return;
			}
			if (node instanceof MappingNode mapping) {
				// merged-in mappings first, so that their own merges are resolved when
				// copied
				for (NodeTuple tuple : mapping.getValue()) {
					flattenAll(tuple.getValueNode());
				}
				if (mapping.isMerged()) {
					flattenMapping(mapping);
					mapping.setMerged(false);
				}
			}
			else if (node instanceof SequenceNode sequence) {
				sequence.getValue().forEach(this::flattenAll);
			}
		}

	}

}
