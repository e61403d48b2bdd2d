package app.lockstep.domain.config.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns resolved YAML nodes into plain values: ordered maps with text keys, lists,
 * strings, {@code Long} or {@code BigInteger}, {@code Double}, {@code Boolean} and null.
 * Scalars of any other type (timestamps, binary, custom tags) stay the text written, so a
 * value survives a trip through JSON unchanged.
 */
final class YamlValues {

	private YamlValues() {
	}

	static @Nullable Object of(@Nullable Node node) {
		if (node == null) {
			return null;
		}
		if (node instanceof MappingNode mapping) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				map.put(key(tuple.getKeyNode()), of(tuple.getValueNode()));
			}
			return map;
		}
		if (node instanceof SequenceNode sequence) {
			List<@Nullable Object> list = new ArrayList<>();
			sequence.getValue().forEach((item) -> list.add(of(item)));
			return list;
		}
		return scalar((ScalarNode) node);
	}

	/**
	 * A key's text; keys that are lists or mappings are refused before values are read.
	 */
	static String key(Node node) {
		return (node instanceof ScalarNode scalar) ? scalar.getValue() : String.valueOf(of(node));
	}

	static @Nullable Object scalar(ScalarNode scalar) {
		Tag tag = scalar.getTag();
		String text = scalar.getValue();
		if (Tag.NULL.equals(tag)) {
			return null;
		}
		if (Tag.BOOL.equals(tag)) {
			return bool(text);
		}
		if (Tag.INT.equals(tag)) {
			Object number = integer(text);
			return (number != null) ? number : text;
		}
		if (Tag.FLOAT.equals(tag)) {
			Double number = decimal(text);
			return (number != null) ? number : text;
		}
		return text;
	}

	private static Boolean bool(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "on", "y" -> Boolean.TRUE;
			default -> Boolean.FALSE;
		};
	}

	/**
	 * YAML 1.1 integers: decimal with optional sign and underscores, 0x hexadecimal, 0o
	 * or leading-zero octal, 0b binary.
	 */
	private static @Nullable Object integer(String written) {
		String text = written.replace("_", "");
		int sign = 1;
		if (text.startsWith("-") || text.startsWith("+")) {
			sign = text.startsWith("-") ? -1 : 1;
			text = text.substring(1);
		}
		try {
			BigInteger value;
			if (text.startsWith("0x")) {
				value = new BigInteger(text.substring(2), 16);
			}
			else if (text.startsWith("0o")) {
				value = new BigInteger(text.substring(2), 8);
			}
			else if (text.startsWith("0b")) {
				value = new BigInteger(text.substring(2), 2);
			}
			else if (text.length() > 1 && text.startsWith("0")) {
				value = new BigInteger(text.substring(1), 8);
			}
			else if (text.contains(":")) {
				return null;
			}
			else {
				value = new BigInteger(text);
			}
			value = (sign < 0) ? value.negate() : value;
			return (value.bitLength() < 64) ? (Object) value.longValue() : value;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Double decimal(String written) {
		String text = written.replace("_", "").toLowerCase(Locale.ROOT);
		return switch (text) {
			case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
			case "-.inf" -> Double.NEGATIVE_INFINITY;
			case ".nan" -> Double.NaN;
			default -> {
				try {
					yield new BigDecimal(text).doubleValue();
				}
				catch (NumberFormatException ex) {
					yield null;
				}
			}
		};
	}

}
