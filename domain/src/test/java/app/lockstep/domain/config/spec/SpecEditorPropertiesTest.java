package app.lockstep.domain.config.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.ChangeKind;
import app.lockstep.domain.config.DiffLine;
import app.lockstep.domain.config.LineDiff;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bringing changes across from another spec edits real files (the corpus) without damage:
 * the result reads as the source wherever a change was brought, and every other line,
 * comment and blank line stays as the target wrote it.
 */
class SpecEditorPropertiesTest {

	@Property(tries = 100)
	void changedValuesChangeTheirLinesAndNothingElse(
			@ForAll("changedValues") Tuple2<String, List<List<String>>> case_) {
		String target = case_.get1();
		List<List<String>> changed = case_.get2();
		Map<String, @Nullable Object> sourceTree = copy(InfrastructureSpec.read(target).tree());
		for (int i = 0; i < changed.size(); i++) {
			set(sourceTree, changed.get(i), "changed-" + i);
		}
		String source = InfrastructureSpec.render(new Spec(sourceTree));
		String result = SpecEditor.bringAcross(target, source, differingItems(target, source));
		assertThat(InfrastructureSpec.read(result).tree()).isEqualTo(sourceTree);
		List<String> removed = LineDiff.between(target, result)
			.stream()
			.filter((line) -> line.kind() == ChangeKind.REMOVED)
			.map(DiffLine::text)
			.toList();
		assertThat(removed).as("lines changed").hasSizeLessThanOrEqualTo(changed.size());
		assertThat(removed).as("no comment line lost").noneMatch((line) -> line.strip().startsWith("#"));
	}

	@Property(tries = 100)
	void addedAndRemovedItemsLeaveTheRestAsWritten(@ForAll("removedItems") Tuple2<String, List<List<String>>> case_) {
		String target = case_.get1();
		Map<String, @Nullable Object> sourceTree = copy(InfrastructureSpec.read(target).tree());
		for (List<String> path : case_.get2()) {
			remove(sourceTree, path);
		}
		Map<String, @Nullable Object> services = section(sourceTree, "services");
		services.put("added-cache", new LinkedHashMap<>(Map.of("type", "valkey:8.0")));
		String source = InfrastructureSpec.render(new Spec(sourceTree));
		String result = SpecEditor.bringAcross(target, source, differingItems(target, source));
		assertThat(InfrastructureSpec.read(result).tree()).isEqualTo(InfrastructureSpec.read(source).tree());
		List<String> added = LineDiff.between(target, result)
			.stream()
			.filter((line) -> line.kind() == ChangeKind.ADDED)
			.map(DiffLine::text)
			.toList();
		assertThat(added).as("removing only removes lines; the new service is the only addition")
			.allMatch((line) -> line.strip().equals("added-cache:") || line.strip().equals("type: valkey:8.0")
					|| line.equals("services:"));
	}

	/** The paths of the items that differ, as the compare page offers them. */
	private static List<List<String>> differingItems(String target, String source) {
		Map<String, SpecItem> left = new LinkedHashMap<>();
		SpecItems.of(InfrastructureSpec.read(target)).forEach((item) -> left.put(item.area() + ":" + item.key(), item));
		List<List<String>> paths = new ArrayList<>();
		Map<String, SpecItem> right = new LinkedHashMap<>();
		SpecItems.of(InfrastructureSpec.read(source))
			.forEach((item) -> right.put(item.area() + ":" + item.key(), item));
		right.forEach((key, item) -> {
			SpecItem was = left.get(key);
			if (was == null || !java.util.Objects.equals(was.value(), item.value())) {
				paths.add(item.path());
			}
		});
		left.forEach((key, item) -> {
			if (!right.containsKey(key)) {
				paths.add(item.path());
			}
		});
		return paths;
	}

	@Provide
	Arbitrary<Tuple2<String, List<List<String>>>> changedValues() {
		return Arbitraries.of(corpus()).flatMap((text) -> {
			List<List<String>> leaves = new ArrayList<>();
			leaves(InfrastructureSpec.read(text).tree(), new ArrayList<>(), leaves);
			return Arbitraries.of(leaves)
				.list()
				.ofMinSize(1)
				.ofMaxSize(4)
				.uniqueElements()
				.map((picked) -> Tuple.of(text, picked));
		});
	}

	@Provide
	Arbitrary<Tuple2<String, List<List<String>>>> removedItems() {
		return Arbitraries.of(corpus()).flatMap((text) -> {
			List<List<String>> items = SpecItems.of(InfrastructureSpec.read(text))
				.stream()
				.filter((item) -> !item.area().equals(SpecItem.RUNTIME))
				.map(SpecItem::path)
				.toList();
			return Arbitraries.of(items)
				.list()
				.ofMinSize(1)
				.ofMaxSize(3)
				.uniqueElements()
				.map((picked) -> Tuple.of(text, picked));
		});
	}

	private static List<String> corpus() {
		List<String> texts = new ArrayList<>();
		try {
			for (String name : UpsunCorpusTest.names("upsun")) {
				texts.add(Files.readString(UpsunCorpusTest.CORPUS.resolve("upsun").resolve(name)));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		texts.add(UpsunSpecs.DRUPAL);
		return texts;
	}

	/** Single-line text leaves of the applications, services and routes. */
	private static void leaves(@Nullable Object value, List<String> path, List<List<String>> out) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> {
				List<String> childPath = new ArrayList<>(path);
				childPath.add(String.valueOf(key));
				leaves(child, childPath, out);
			});
		}
		else if (value instanceof String text && !text.contains("\n") && path.size() > 2
				&& !path.getLast().equals("type")) {
			out.add(path);
		}
	}

	@SuppressWarnings("unchecked")
	private static void set(Map<String, @Nullable Object> tree, List<String> path, String value) {
		Map<String, @Nullable Object> current = tree;
		for (String key : path.subList(0, path.size() - 1)) {
			current = (Map<String, @Nullable Object>) current.get(key);
		}
		current.put(path.getLast(), value);
	}

	/** Removes the path and the mappings it leaves empty, as the editor does. */
	@SuppressWarnings("unchecked")
	private static void remove(Map<String, @Nullable Object> tree, List<String> path) {
		if (path.size() > 1 && tree.get(path.getFirst()) instanceof Map<?, ?> next) {
			Map<String, @Nullable Object> child = (Map<String, @Nullable Object>) next;
			remove(child, path.subList(1, path.size()));
			if (child.isEmpty()) {
				tree.remove(path.getFirst());
			}
		}
		else if (path.size() == 1) {
			tree.remove(path.getFirst());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> section(Map<String, @Nullable Object> tree, String key) {
		if (!(tree.get(key) instanceof Map<?, ?>)) {
			tree.put(key, new LinkedHashMap<String, Object>());
		}
		return (Map<String, @Nullable Object>) tree.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> tree) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		tree.forEach((key, value) -> copy.put(key,
				(value instanceof Map<?, ?> map) ? copy((Map<String, @Nullable Object>) map)
						: (value instanceof List<?> list) ? new ArrayList<>(list) : value));
		return copy;
	}

}
