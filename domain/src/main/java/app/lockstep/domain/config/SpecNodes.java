package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads composed YAML nodes, collecting every problem with the line and column of the
 * node it is about, and carrying on so that one reading reports all of them.
 */
final class SpecNodes {

	private final List<LineError> errors = new ArrayList<>();

	/** A key of a mapping, by its text, with the nodes to point errors at. */
	record Entry(String key, Node keyNode, Node value) {
	}

	/**
	 * The entries of a mapping in the order written, leaving out (and reporting)
	 * duplicate keys. An empty value (such as "services:" alone) has no entries; any
	 * other value that is not a mapping is reported with the given message.
	 */
	List<Entry> entries(Node node, String notAMapping) {
		return mapping(node, notAMapping).orElse(List.of());
	}

	/** Like {@link #entries}, but empty when the value is not a mapping. */
	Optional<List<Entry>> mapping(Node node, String notAMapping) {
		if (isEmpty(node)) {
			return Optional.of(List.of());
		}
		if (!(node instanceof MappingNode mapping)) {
			error(node, notAMapping);
			return Optional.empty();
		}
		List<Entry> entries = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				error(tuple.getKeyNode(), "Keys must be plain names, not lists or mappings");
			}
			else if (!seen.add(key.getValue())) {
				error(key, "Duplicate name \"" + key.getValue() + "\"");
			}
			else {
				entries.add(new Entry(key.getValue(), key, tuple.getValueNode()));
			}
		}
		return Optional.of(entries);
	}

	/**
	 * The text of a single value; null when it is empty (reported by the caller if
	 * required) or when it is a list or mapping (reported here).
	 */
	@Nullable String text(Entry entry) {
		if (isEmpty(entry.value())) {
			return null;
		}
		if (!(entry.value() instanceof ScalarNode scalar)) {
			error(entry.value(), "\"" + entry.key() + "\" takes a single value, not a list or mapping");
			return null;
		}
		return scalar.getValue();
	}

	void error(Node node, String message) {
		Mark mark = node.getStartMark();
		if (mark == null) {
			this.errors.add(LineError.general(message));
		}
		else {
			this.errors.add(new LineError(mark.getLine() + 1, mark.getColumn() + 1, message));
		}
	}

	boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	List<LineError> errors() {
		return this.errors.stream()
			.sorted(Comparator.comparingInt(LineError::line).thenComparingInt(LineError::column))
			.toList();
	}

	static boolean isEmpty(Node node) {
		return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
	}

}
