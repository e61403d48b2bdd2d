package app.lockstep.web.project;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectWithEnvironments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rows a page of the release board holds. */
class BoardRowsTest {

	static final List<ProjectWithEnvironments> SIXTY = IntStream.rangeClosed(1, 60)
		.mapToObj((i) -> project("p%02d".formatted(i)))
		.toList();

	@Test
	void theFirstPageHoldsAPageAndPointsAtTheNext() {
		BoardRows rows = BoardRows.of(SIXTY, null, null);
		assertThat(rows.shown()).hasSize(BoardRows.PAGE);
		assertThat(rows.next()).isEqualTo("p25");
		assertThat(rows.after()).isNull();
		assertThat(rows.range()).isEqualTo("Projects 1–25 of 60");
		assertThat(rows.more()).isEqualTo("Show the next 25 projects");
	}

	@Test
	void theLastPageHasNoNext() {
		BoardRows rows = BoardRows.of(SIXTY, "p50", null);
		assertThat(rows.shown()).extracting((p) -> p.project().slug()).startsWith("p51").endsWith("p60");
		assertThat(rows.next()).isNull();
		assertThat(rows.range()).isEqualTo("Projects 51–60 of 60");
	}

	@Test
	void appendedRowsCountFromTheFirstRowOnScreen() {
		BoardRows rows = BoardRows.of(SIXTY, "p25", null, null);
		assertThat(rows.range()).isEqualTo("Projects 1–50 of 60");
		assertThat(rows.more()).isEqualTo("Show the next 10 projects");
		assertThat(BoardRows.of(SIXTY, "p35", null, "p10").range()).isEqualTo("Projects 11–60 of 60");
	}

	@Test
	void uptoRendersExactlyTheRowsOnScreen() {
		BoardRows rows = BoardRows.of(SIXTY, "p10", "p44");
		assertThat(rows.shown()).hasSize(34);
		assertThat(rows.upto()).isEqualTo("p44");
		assertThat(rows.next()).isEqualTo("p44");
		assertThat(BoardRows.of(SIXTY, "p10", "p05").shown()).as("upto before the start: a page").hasSize(25);
	}

	@Test
	void afterTheLastOrAnUnknownProjectStartsAtTheTop() {
		assertThat(BoardRows.of(SIXTY, "p60", null).from()).isEqualTo(1);
		assertThat(BoardRows.of(SIXTY, "gone", null).from()).isEqualTo(1);
		assertThat(BoardRows.of(List.of(), null, null).shown()).isEmpty();
	}

	private static ProjectWithEnvironments project(String slug) {
		Instant at = Instant.parse("2026-12-01T00:00:00Z");
		return new ProjectWithEnvironments(new Project(new app.lockstep.domain.project.ProjectId(UUID.randomUUID()),
				slug, "Project " + slug, null, null, at), List.of());
	}

}
