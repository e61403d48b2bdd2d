package app.lockstep.domain.config.spec;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/** Writes plain values (as {@link YamlValues} reads them) as YAML. */
final class YamlWriter {

	private static final Yaml BLOCK = yaml(DumperOptions.FlowStyle.BLOCK);

	private static final Yaml FLOW = yaml(DumperOptions.FlowStyle.FLOW);

	private YamlWriter() {
	}

	/** Block YAML with two-space indents; empty text for an empty mapping. */
	static String block(Map<String, @Nullable Object> tree) {
		return tree.isEmpty() ? "" : BLOCK.dump(tree);
	}

	/** One line, such as {source: storage, source_path: files} or "php:8.4". */
	static String flow(@Nullable Object value) {
		return FLOW.dump(value).strip();
	}

	private static Yaml yaml(DumperOptions.FlowStyle style) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(style);
		options.setIndent(2);
		options.setSplitLines(false);
		options.setWidth(Integer.MAX_VALUE);
		options.setLineBreak(DumperOptions.LineBreak.UNIX);
		return new Yaml(new Representer(options), options);
	}

}
