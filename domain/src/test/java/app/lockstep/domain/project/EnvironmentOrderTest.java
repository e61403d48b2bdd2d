package app.lockstep.domain.project;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentOrderTest {

	@Property
	void movingAnEnvironmentKeepsEveryOneAndNumbersThemOneToNWithoutGaps(@ForAll @IntRange(min = 1, max = 8) int count,
			@ForAll @IntRange(min = 0, max = 7) int which, @ForAll @IntRange(min = -2, max = 12) int target) {
		List<Environment> ordered = environments(count);
		Environment moved = ordered.get(which % count);
		List<Environment> result = EnvironmentOrder.move(ordered, moved, target);
		assertThat(result).extracting(Environment::position)
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, count).boxed().toList());
		assertThat(result).extracting(Environment::id)
			.containsExactlyInAnyOrderElementsOf(ordered.stream().map(Environment::id).toList());
		int expected = Math.max(1, Math.min(target, count));
		assertThat(result.get(expected - 1).id()).isEqualTo(moved.id());
	}

	@Property
	void theOthersKeepTheirRelativeOrder(@ForAll @IntRange(min = 2, max = 8) int count,
			@ForAll @IntRange(min = 0, max = 7) int which, @ForAll @IntRange(min = 1, max = 8) int target) {
		List<Environment> ordered = environments(count);
		Environment moved = ordered.get(which % count);
		List<String> others = new ArrayList<>(ordered.stream().map(Environment::name).toList());
		others.remove(moved.name());
		List<String> after = new ArrayList<>(
				EnvironmentOrder.move(ordered, moved, target).stream().map(Environment::name).toList());
		after.remove(moved.name());
		assertThat(after).isEqualTo(others);
	}

	private static List<Environment> environments(int count) {
		List<Environment> environments = new ArrayList<>();
		ProjectId project = ProjectId.random();
		for (int i = 1; i <= count; i++) {
			environments.add(new Environment(EnvironmentId.random(), project, "env-" + i, Tier.DEVELOPMENT, i, null,
					ZoneOffset.UTC));
		}
		return environments;
	}

}
