package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Edits a spec's text the way a careful person would: only the lines of the entry that
 * changes are touched, so comments, quoting, key order and blank lines elsewhere stay as
 * they were, and a diff of the result shows the change alone. An entry brought from
 * another spec keeps that spec's text (and comments), re-indented to fit.
 * <p>
 * Every edit is checked by reading the result back: it must equal the target with that
 * one entry changed. An edit that cannot be made that way (a value written through a YAML
 * alias or merge) is refused, never done by rewriting the file.
 */
public final class SpecEditor {

	private SpecEditor() {
	}

	/** An edit that cannot be made without rewriting more than the entry. */
	public static final class EditRefused extends RuntimeException {

		EditRefused(String message) {
			super(message);
		}

	}

	/**
	 * The target text with each path set to its value in the source, or removed where the
	 * source does not have it.
	 */
	public static String bringAcross(String target, String source, List<List<String>> paths) {
		String text = target;
		for (List<String> path : paths) {
			text = take(text, source, path);
		}
		return text;
	}

	/**
	 * The target text with one path set as in the source, or removed. Where both hold a
	 * mapping at the path, only the keys that differ are edited, so the target's own
	 * comments and layout inside it survive.
	 */
	public static String take(String target, String source, List<String> path) {
		Spec from = InfrastructureSpec.read(source);
		if (!from.has(path)) {
			return remove(target, path);
		}
		Object value = from.at(path).orElse(null);
		Spec into = InfrastructureSpec.read(target);
		Object current = into.at(path).orElse(null);
		if (into.has(path) && java.util.Objects.equals(current, value)) {
			return target;
		}
		if (current instanceof Map<?, ?> was && value instanceof Map<?, ?> is && !is.isEmpty()) {
			try {
				return takeKeyByKey(target, source, path, was, is);
			}
			catch (EditRefused ex) {
				// written through a merge or alias: the entry is replaced as a whole
				// below
			}
		}
		return takeWhole(target, source, path, value);
	}

	private static String takeKeyByKey(String target, String source, List<String> path, Map<?, ?> was, Map<?, ?> is) {
		String text = target;
		for (Map.Entry<?, ?> entry : is.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (!was.containsKey(key) || !java.util.Objects.equals(was.get(key), entry.getValue())) {
				text = take(text, source, child(path, key));
			}
		}
		for (Object key : was.keySet()) {
			if (!is.containsKey(key)) {
				text = remove(text, child(path, String.valueOf(key)));
			}
		}
		return text;
	}

	private static List<String> child(List<String> path, String key) {
		List<String> child = new ArrayList<>(path);
		child.add(key);
		return child;
	}

	private static String takeWhole(String target, String source, List<String> path, @Nullable Object value) {
		Map<String, @Nullable Object> expected = expectedTree(InfrastructureSpec.read(target).tree(), path, value,
				true);
		String copied = set(target, new Document(source), path, false);
		if (matches(copied, expected)) {
			return copied;
		}
		String rendered = set(target, new Document(source), path, true);
		if (matches(rendered, expected)) {
			return rendered;
		}
		throw new EditRefused("\"" + String.join(".", path)
				+ "\" could not be brought across without rewriting other parts of the spec; edit it by hand");
	}

	/**
	 * The target text without the entry at the path, and without parents it leaves empty.
	 */
	public static String remove(String target, List<String> path) {
		Spec before = InfrastructureSpec.read(target);
		if (!before.has(path)) {
			return target;
		}
		Map<String, @Nullable Object> expected = expectedTree(before.tree(), path, null, false);
		Document document = new Document(target);
		Found found = document.find(path);
		if (found instanceof Found.Blocked blocked) {
			throw new EditRefused(blocked.reason());
		}
		if (!(found instanceof Found.Entry entry)) {
			throw new EditRefused(
					"\"" + String.join(".", path) + "\" comes from a YAML merge (<<: *anchor); edit it by hand");
		}
		String result = document.removeEntry(entry, path);
		if (!matches(result, expected)) {
			throw new EditRefused("\"" + String.join(".", path)
					+ "\" could not be removed without rewriting other parts of the spec; edit it by hand");
		}
		return result;
	}

	private static String set(String target, Document source, List<String> path, boolean render) {
		Document document = new Document(target);
		Found sourceEntry = source.find(path);
		Found found = document.find(path);
		if (found instanceof Found.Blocked blocked) {
			throw new EditRefused(blocked.reason());
		}
		if (found instanceof Found.Entry entry) {
			return document.replaceEntry(entry, source, sourceEntry, path, render);
		}
		return document.insertEntry((Found.Missing) found, source, sourceEntry, path, render);
	}

	private static boolean matches(String text, Map<String, @Nullable Object> expected) {
		YamlText.Composed composed = YamlText.resolve(text);
		if (!composed.valid()) {
			return false;
		}
		return InfrastructureSpec.read(text).tree().equals(expected);
	}

	/** The tree with the path set to a value (creating mappings) or removed (pruning). */
	@SuppressWarnings("unchecked")
	static Map<String, @Nullable Object> expectedTree(Map<String, @Nullable Object> tree, List<String> path,
			@Nullable Object value, boolean present) {
		Map<String, @Nullable Object> copy = deepCopy(tree);
		List<Map<String, @Nullable Object>> chain = new ArrayList<>();
		Map<String, @Nullable Object> current = copy;
		for (int i = 0; i < path.size() - 1; i++) {
			chain.add(current);
			Map<String, @Nullable Object> child;
			if (current.get(path.get(i)) instanceof Map<?, ?> next) {
				child = (Map<String, @Nullable Object>) next;
			}
			else {
				if (!present) {
					return copy;
				}
				child = new LinkedHashMap<>();
				current.put(path.get(i), child);
			}
			current = child;
		}
		if (present) {
			current.put(path.getLast(), deepCopy(value));
			return copy;
		}
		current.remove(path.getLast());
		for (int i = chain.size() - 1; i >= 0 && current.isEmpty(); i--) {
			chain.get(i).remove(path.get(i));
			current = chain.get(i);
		}
		return copy;
	}

	private static Map<String, @Nullable Object> deepCopy(Map<?, ?> map) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
		return copy;
	}

	private static @Nullable Object deepCopy(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			return deepCopy(map);
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(deepCopy(item)));
			return copy;
		}
		return value;
	}

	/** What a path leads to in a text. */
	sealed interface Found {

		/** A key written in its mapping, with its value. */
		record Entry(ScalarNode key, Node value, MappingNode parent, @Nullable ScalarNode parentKey) implements Found {
		}

		/**
		 * The path stops after {@code depth} keys, at a node that is a mapping (or
		 * empty), under a key (null at the root).
		 */
		record Missing(int depth, @Nullable Node at, @Nullable ScalarNode atKey) implements Found {
		}

		/**
		 * The path goes through an alias or a merge: editing it would change other parts.
		 */
		record Blocked(String reason) implements Found {
		}

	}

	/** A text being edited: its lines and its nodes as written (merges unresolved). */
	private static final class Document {

		private final YamlLines lines;

		private final @Nullable Node root;

		private final String text;

		private final Spec resolved;

		Document(String text) {
			this.text = text;
			this.resolved = InfrastructureSpec.read(text);
			this.lines = new YamlLines(text);
			YamlText.Composed composed = YamlText.compose(text);
			if (!composed.valid()) {
				throw new EditRefused("The spec has errors (" + composed.errors().getFirst().located()
						+ "); correct them before bringing changes across");
			}
			this.root = composed.root();
		}

		Found find(List<String> path) {
			Node current = this.root;
			ScalarNode currentKey = null;
			for (int depth = 0; depth < path.size(); depth++) {
				if (current == null || isNull(current)) {
					return new Found.Missing(depth, current, currentKey);
				}
				if (!(current instanceof MappingNode mapping)) {
					return new Found.Blocked("\"" + String.join(".", path.subList(0, depth))
							+ "\" is not a mapping, so \"" + path.get(depth) + "\" cannot be set in it");
				}
				NodeTuple own = ownTuple(mapping, path.get(depth));
				if (own == null) {
					if (depth == path.size() - 1 || !this.resolved.has(path.subList(0, depth + 1))) {
						return new Found.Missing(depth, mapping, currentKey);
					}
					return new Found.Blocked("\"" + String.join(".", path.subList(0, depth + 1))
							+ "\" comes from a YAML merge (<<: *anchor); edit it by hand");
				}
				ScalarNode key = (ScalarNode) own.getKeyNode();
				Node value = own.getValueNode();
				if (depth < path.size() - 1 && YamlExtent.throughAlias(key, value)) {
					return new Found.Blocked("\"" + String.join(".", path.subList(0, depth + 1))
							+ "\" is written through a YAML alias (*anchor); edit it by hand");
				}
				if (depth == path.size() - 1) {
					return new Found.Entry(key, value, mapping, currentKey);
				}
				current = value;
				currentKey = key;
			}
			throw new IllegalArgumentException("An empty path leads to no entry");
		}

		String replaceEntry(Found.Entry entry, Document source, Found sourceFound, List<String> path, boolean render) {
			Object value = InfrastructureSpec.read(source.text).at(path).orElse(null);
			if (!render && sourceFound instanceof Found.Entry from && singleLineScalar(entry.value())
					&& singleLineScalar(from.value())) {
				String sourceLine = source.lines.line(from.value().getStartMark().getLine());
				String written = sourceLine.substring(source.lines.charColumn(from.value().getStartMark()),
						source.lines.charColumn(from.value().getEndMark()));
				int line = entry.value().getStartMark().getLine();
				String targetLine = this.lines.line(line);
				this.lines.set(line, targetLine.substring(0, this.lines.charColumn(entry.value().getStartMark()))
						+ written + targetLine.substring(this.lines.charColumn(entry.value().getEndMark())));
				return this.lines.text();
			}
			if (!blockOwned(entry.key())) {
				return replaceInFlow(entry.parent(), entry.key().getValue(), value);
			}
			int column = entry.key().getStartMark().getColumn();
			List<String> written = source.entryLines(sourceFound, path.getLast(), value, column, render);
			this.lines.replace(entry.key().getStartMark().getLine(), lastLine(entry.key(), entry.value()), written);
			return this.lines.text();
		}

		String insertEntry(Found.Missing missing, Document source, Found sourceFound, List<String> path,
				boolean render) {
			Object value = InfrastructureSpec.read(source.text).at(path).orElse(null);
			List<String> toCreate = path.subList(missing.depth(), path.size() - 1);
			int unit = indentUnit();
			int column;
			int insertAt;
			Node at = missing.at();
			ScalarNode atKey = missing.atKey();
			if (at instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
				if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
					return replaceFlowWithBlock(mapping, atKey, path.subList(missing.depth(), path.size()), value,
							unit);
				}
				column = mapping.getValue().getFirst().getKeyNode().getStartMark().getColumn();
				insertAt = lastLine(atKey, mapping) + 1;
			}
			else if (atKey != null) {
				clearEmptyValue(atKey, at);
				column = atKey.getStartMark().getColumn() + unit;
				insertAt = atKey.getStartMark().getLine() + 1;
			}
			else if (at == null || isNull(at) || at instanceof MappingNode) {
				column = 0;
				insertAt = contentEnd();
				if (at != null && isNull(at) && at.getStartMark() != null) {
					clearRootValue(at);
				}
			}
			else {
				throw new EditRefused("The spec is not a mapping, so nothing can be added to it");
			}
			List<String> block = new ArrayList<>();
			for (int i = 0; i < toCreate.size(); i++) {
				block.add(" ".repeat(column + i * unit) + YamlWriter.flow(toCreate.get(i)) + ":");
			}
			block
				.addAll(source.entryLines(sourceFound, path.getLast(), value, column + toCreate.size() * unit, render));
			this.lines.insert(insertAt, block);
			return this.lines.text();
		}

		String removeEntry(Found.Entry entry, List<String> path) {
			boolean block = blockOwned(entry.key());
			boolean onlyKey = ownKeys(entry.parent()) == 1 && path.size() > 1;
			if (onlyKey) {
				// the parent would be left empty: it goes, with the entry
				return SpecEditor.remove(this.text, path.subList(0, path.size() - 1));
			}
			if (!block) {
				return removeFromFlow(entry.parent(), entry.key().getValue());
			}
			int first = firstLineWithComments(entry.key());
			int last = lastLine(entry.key(), entry.value());
			this.lines.replace(first, last, List.of());
			return this.lines.text();
		}

		/**
		 * The lines of an entry as this text writes it (with the comment lines right
		 * above it), moved to a column; or the entry written out afresh when asked to
		 * render, or when it is not written on lines of its own.
		 */
		List<String> entryLines(Found found, String key, @Nullable Object value, int column, boolean render) {
			if (!render && found instanceof Found.Entry entry && blockOwned(entry.key())
					&& !YamlExtent.throughAlias(entry.key(), entry.value())) {
				int first = firstLineWithComments(entry.key());
				List<String> written = this.lines.lines(first, lastLine(entry.key(), entry.value()));
				return YamlLines.shifted(written, column - entry.key().getStartMark().getColumn());
			}
			Map<String, @Nullable Object> single = new LinkedHashMap<>();
			single.put(key, value);
			String block = YamlWriter.block(single);
			List<String> lines = new ArrayList<>(List.of(block.split("\n")));
			return YamlLines.shifted(lines, column);
		}

		private String replaceInFlow(MappingNode parent, String key, @Nullable Object value) {
			Map<String, @Nullable Object> map = copyOf(parent);
			map.put(key, value);
			return replaceNodeText(parent, YamlWriter.flow(map));
		}

		private String removeFromFlow(MappingNode parent, String key) {
			Map<String, @Nullable Object> map = copyOf(parent);
			map.remove(key);
			return replaceNodeText(parent, YamlWriter.flow(map));
		}

		/** A flow mapping ({a: 1}) that gains nested keys is written out as a block. */
		private String replaceFlowWithBlock(MappingNode mapping, @Nullable ScalarNode key, List<String> rest,
				@Nullable Object value, int unit) {
			Map<String, @Nullable Object> map = copyOf(mapping);
			Map<String, @Nullable Object> current = map;
			for (int i = 0; i < rest.size() - 1; i++) {
				Map<String, @Nullable Object> next = new LinkedHashMap<>();
				current.put(rest.get(i), next);
				current = next;
			}
			current.put(rest.getLast(), value);
			if (key == null || mapping.getStartMark().getLine() != mapping.getEndMark().getLine()) {
				return replaceNodeText(mapping, YamlWriter.flow(map));
			}
			int line = key.getStartMark().getLine();
			String keyLine = this.lines.line(line);
			this.lines.set(line, keyLine.substring(0, this.lines.charColumn(mapping.getStartMark())).stripTrailing()
					+ keyLine.substring(this.lines.charColumn(mapping.getEndMark())));
			List<String> block = new ArrayList<>(List.of(YamlWriter.block(map).split("\n")));
			this.lines.insert(line + 1, YamlLines.shifted(block, key.getStartMark().getColumn() + unit));
			return this.lines.text();
		}

		private String replaceNodeText(Node node, String replacement) {
			int startLine = node.getStartMark().getLine();
			int endLine = node.getEndMark().getLine();
			String first = this.lines.line(startLine);
			String last = this.lines.line(endLine);
			String joined = first.substring(0, this.lines.charColumn(node.getStartMark())) + replacement
					+ last.substring(this.lines.charColumn(node.getEndMark()));
			this.lines.replace(startLine, endLine, List.of(joined));
			return this.lines.text();
		}

		/**
		 * "key: {}", "key: ~" or "key: null" become "key:" before entries go under it.
		 */
		private void clearEmptyValue(ScalarNode key, @Nullable Node value) {
			if (value == null || value.getStartMark() == null) {
				return;
			}
			boolean written = (value instanceof MappingNode)
					|| (value instanceof ScalarNode scalar && !scalar.getValue().isEmpty());
			if (written && value.getStartMark().getLine() == key.getStartMark().getLine()) {
				int line = key.getStartMark().getLine();
				String keyLine = this.lines.line(line);
				this.lines.set(line, keyLine.substring(0, this.lines.charColumn(value.getStartMark())).stripTrailing()
						+ keyLine.substring(this.lines.charColumn(value.getEndMark())));
			}
		}

		private void clearRootValue(Node value) {
			if (value instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
				replaceNodeText(value, "");
			}
		}

		/** The line after the last line with content (comments included). */
		private int contentEnd() {
			int last = this.lines.size() - 1;
			while (last >= 0 && this.lines.blank(last)) {
				last--;
			}
			return last + 1;
		}

		int lastLine(@Nullable ScalarNode key, Node value) {
			return YamlExtent.lastLine(this.lines, key, value);
		}

		/**
		 * The key's line, or the first of the comment lines right above it at its
		 * indentation.
		 */
		private int firstLineWithComments(ScalarNode key) {
			int first = key.getStartMark().getLine();
			int column = key.getStartMark().getColumn();
			while (first > 0 && this.lines.comment(first - 1)
					&& YamlLines.indentation(this.lines.line(first - 1)) == column) {
				first--;
			}
			return first;
		}

		/**
		 * Whether only spaces stand before the key on its line (a block mapping entry).
		 */
		private boolean blockOwned(ScalarNode key) {
			String line = this.lines.line(key.getStartMark().getLine());
			return line.substring(0, this.lines.charColumn(key.getStartMark())).isBlank();
		}

		private boolean singleLineScalar(Node node) {
			if (!(node instanceof ScalarNode scalar) || scalar.getStartMark() == null) {
				return false;
			}
			DumperOptions.ScalarStyle style = scalar.getScalarStyle();
			return scalar.getStartMark().getLine() == scalar.getEndMark().getLine()
					&& style != DumperOptions.ScalarStyle.LITERAL && style != DumperOptions.ScalarStyle.FOLDED
					&& !(scalar.getValue().isEmpty() && Tag.NULL.equals(scalar.getTag()));
		}

		/** The smallest step between a key's column and its children's; 2 by default. */
		private int indentUnit() {
			int unit = Integer.MAX_VALUE;
			if (this.root instanceof MappingNode mapping) {
				unit = indentUnit(mapping, unit, 0);
			}
			return (unit == Integer.MAX_VALUE || unit <= 0) ? 2 : unit;
		}

		private int indentUnit(MappingNode mapping, int found, int depth) {
			int unit = found;
			if (depth > 6) {
				return unit;
			}
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getValueNode() instanceof MappingNode child && !YamlExtent.isFlow(child)
						&& !child.getValue().isEmpty() && !YamlExtent.throughAlias(tuple.getKeyNode(), child)) {
					int step = child.getValue().getFirst().getKeyNode().getStartMark().getColumn()
							- tuple.getKeyNode().getStartMark().getColumn();
					if (step > 0) {
						unit = Math.min(unit, step);
					}
					unit = indentUnit(child, unit, depth + 1);
				}
			}
			return unit;
		}

		private static @Nullable NodeTuple ownTuple(MappingNode mapping, String key) {
			NodeTuple found = null;
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode scalar && !Tag.MERGE.equals(scalar.getTag())
						&& scalar.getValue().equals(key)) {
					found = tuple;
				}
			}
			return found;
		}

		private static int ownKeys(MappingNode mapping) {
			return (int) mapping.getValue()
				.stream()
				.filter((tuple) -> !(tuple.getKeyNode() instanceof ScalarNode scalar
						&& Tag.MERGE.equals(scalar.getTag())))
				.count();
		}

		private static boolean isNull(Node node) {
			return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
		}

		@SuppressWarnings("unchecked")
		private static Map<String, @Nullable Object> copyOf(MappingNode mapping) {
			Object value = YamlValues.of(mapping);
			return (value instanceof Map<?, ?> map) ? new LinkedHashMap<>((Map<String, @Nullable Object>) map)
					: new LinkedHashMap<>();
		}

	}

}
