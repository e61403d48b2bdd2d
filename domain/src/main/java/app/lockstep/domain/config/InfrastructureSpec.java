package app.lockstep.domain.config;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and writes the infrastructure spec: YAML in the shape of Upsun's
 * .upsun/config.yaml, with applications (runtime, relationships, mounts) and services.
 * Reading reports every problem with its line; only YAML's node structure is read, so no
 * type is ever instantiated from the text.
 */
public final class InfrastructureSpec {

	public static final int MAX_BYTES = 64 * 1024;

	private static final int MAX_ALIASES = 10;

	private static final int MAX_DEPTH = 20;

	private InfrastructureSpec() {
	}

	public static SpecParse parse(String yaml) {
		if (yaml.isBlank()) {
			return SpecParse.of(Spec.EMPTY);
		}
		int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			return SpecParse.invalid(List.of(LineError.general("The spec is " + bytes + " bytes; keep it to "
					+ MAX_BYTES + " bytes (" + MAX_BYTES / 1024 + " KiB) or less")));
		}
		try {
			Iterator<Node> documents = yaml().composeAll(new StringReader(yaml)).iterator();
			if (!documents.hasNext()) {
				return SpecParse.of(Spec.EMPTY);
			}
			Node root = documents.next();
			if (documents.hasNext()) {
				Mark second = documents.next().getStartMark();
				return SpecParse.invalid(List.of(new LineError(second.getLine() + 1, second.getColumn() + 1,
						"Write one YAML document: remove the second \"---\" and what follows")));
			}
			return new SpecReader().read(root);
		}
		catch (MarkedYAMLException ex) {
			return SpecParse.invalid(List.of(syntaxError(ex)));
		}
		catch (YAMLException ex) {
			return SpecParse.invalid(List.of(LineError.general(limitExceeded(ex))));
		}
	}

	/**
	 * Writes the spec as canonical YAML: two-space indents, applications then services,
	 * everything in insertion order; reading it back gives an equal spec.
	 */
	public static String render(Spec spec) {
		return SpecWriter.write(spec);
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
		String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getMessage();
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
		return (context != null) ? problem + " (" + context + ")" : problem;
	}

}
