package app.lockstep.domain.config.spec;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the node a path of keys (and list indexes) leads to, and the key node it sits
 * under, so that a problem can be shown where it was written. A path that leads nowhere
 * stops at its deepest existing node.
 */
final class NodeLocator {

	private NodeLocator() {
	}

	/** The value at the path, the key node above it (null at the root or in a list). */
	record Located(Node value, @Nullable Node key, boolean complete) {

		@Nullable Object valueTree() {
			return YamlValues.of(this.value);
		}

	}

	static Located locate(Node root, List<String> path) {
		Node value = root;
		Node key = null;
		for (String segment : path) {
			Node next = null;
			Node nextKey = null;
			if (value instanceof MappingNode mapping) {
				for (NodeTuple tuple : mapping.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(segment)) {
						next = tuple.getValueNode();
						nextKey = scalar;
					}
				}
			}
			else if (value instanceof SequenceNode sequence) {
				int index = index(segment);
				if (index >= 0 && index < sequence.getValue().size()) {
					next = sequence.getValue().get(index);
				}
			}
			if (next == null) {
				return new Located(value, key, false);
			}
			value = next;
			key = nextKey;
		}
		return new Located(value, key, true);
	}

	private static int index(String segment) {
		try {
			return Integer.parseInt(segment);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
