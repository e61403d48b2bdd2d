package app.lockstep.domain.config.spec;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Where a YAML entry's text ends, and how it is written (through an alias, in flow
 * style).
 */
final class YamlExtent {

	private YamlExtent() {
	}

	/**
	 * The last line of an entry's value: its last scalar, or its key's line for a value
	 * written through an alias. Trailing comments and blank lines are not the entry's:
	 * they may introduce what follows.
	 */
	static int lastLine(YamlLines lines, @Nullable ScalarNode key, Node value) {
		if (key != null && throughAlias(key, value)) {
			return key.getStartMark().getLine();
		}
		int last = (key != null) ? key.getEndMark().getLine() : 0;
		if (value instanceof ScalarNode scalar) {
			if (scalar.getStartMark() == null || scalar.getValue().isEmpty() && Tag.NULL.equals(scalar.getTag())) {
				return last;
			}
			int end = scalar.getEndMark().getLine();
			if (scalar.getEndMark().getColumn() == 0 && end > scalar.getStartMark().getLine()) {
				end--;
			}
			while (end > scalar.getStartMark().getLine() && lines.blank(end)) {
				end--;
			}
			return Math.max(last, end);
		}
		if (isFlow(value)) {
			return Math.max(last, value.getEndMark().getLine());
		}
		if (value instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				last = Math.max(last, (tuple.getKeyNode() instanceof ScalarNode k)
						? lastLine(lines, k, tuple.getValueNode()) : tuple.getValueNode().getEndMark().getLine());
			}
		}
		else if (value instanceof SequenceNode sequence) {
			for (Node item : sequence.getValue()) {
				// an aliased item stands elsewhere; the sequence's other items place its
				// end
				if (item.getStartMark().getIndex() >= sequence.getStartMark().getIndex()) {
					last = Math.max(last, lastLine(lines, null, item));
				}
			}
		}
		return last;
	}

	/** A value reached through an alias stands earlier in the text than its key. */
	static boolean throughAlias(Node key, Node value) {
		return value.getStartMark() != null && key.getEndMark() != null
				&& value.getStartMark().getIndex() < key.getEndMark().getIndex();
	}

	static boolean isFlow(Node node) {
		return (node instanceof MappingNode mapping && mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW)
				|| (node instanceof SequenceNode sequence && sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW);
	}

}
