package app.lockstep.persistence.code;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.code.CodeSource;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commits a deployment brings are found by walking the branch's index between its two
 * bounds, as the runtime role under row-level security: a deployment near the end of a
 * long history reads its few commits, not every older one. Counted with the transaction's
 * own index statistics.
 */
class CommitsBetweenBoundsTest {

	private static final OrgId ORG = OrgId.random();

	private static final ProjectId PROJECT = new ProjectId(UUID.randomUUID());

	private static final List<String> SHAS = new ArrayList<>();

	private static DSLContext app;

	@BeforeAll
	static void aBranchOf400Commits() {
		app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		List<Commit> commits = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String sha = HexFormat.of()
				.formatHex(java.nio.ByteBuffer.allocate(20)
					.putLong(UUID.randomUUID().getMostSignificantBits())
					.putInt(i)
					.array());
			SHAS.add(sha);
			commits.add(new Commit(sha, "main", "Dana", "Change " + i, start.plusSeconds(60L * i), null));
		}
		inTenant((dsl) -> {
			dsl.insertInto(ORGANIZATIONS)
				.set(ORGANIZATIONS.ID, ORG)
				.set(ORGANIZATIONS.SLUG, "bounds-" + ORG.value().toString().substring(0, 8))
				.set(ORGANIZATIONS.NAME, "Bounds")
				.set(ORGANIZATIONS.TIME_ZONE, "UTC")
				.set(ORGANIZATIONS.CREATED_AT, start)
				.execute();
			dsl.insertInto(PROJECTS)
				.set(PROJECTS.ORG_ID, ORG)
				.set(PROJECTS.ID, PROJECT)
				.set(PROJECTS.SLUG, "shop")
				.set(PROJECTS.NAME, "Shop")
				.set(PROJECTS.CREATED_AT, start)
				.set(PROJECTS.UPDATED_AT, start)
				.execute();
			new JooqCodeChanges(dsl).addAll(ORG, PROJECT, commits, CodeSource.API, start);
			return null;
		});
		// Statistics as a live database has them: otherwise the planner may look a sha up
		// by walking the branch rather than by the primary key.
		DSL.using(TestDatabase.get().superuserDataSource(), SQLDialect.POSTGRES)
			.execute("analyze lockstep.code_changes");
	}

	@Test
	void oneRangeReadsItsCommitsOnly() {
		int read = inTenant((dsl) -> {
			long before = indexEntriesRead(dsl);
			List<CodeChange> between = new JooqCodeChanges(dsl).commitsBetween(ORG, PROJECT, SHAS.get(395),
					SHAS.get(398));
			assertThat(between).extracting(CodeChange::sha)
				.containsExactly(SHAS.get(398), SHAS.get(397), SHAS.get(396));
			return (int) (indexEntriesRead(dsl) - before);
		});
		assertThat(read).as("index entries of the branch read").isLessThan(20);
	}

	@Test
	void manyRangesAtOnceReadTheirCommitsOnly() {
		int read = inTenant((dsl) -> {
			long before = indexEntriesRead(dsl);
			List<List<CodeChange>> between = new JooqCodeChanges(dsl).commitsBetween(ORG,
					List.of(new CodeChanges.Range(PROJECT, SHAS.get(390), SHAS.get(392)),
							new CodeChanges.Range(PROJECT, SHAS.get(396), SHAS.get(399))));
			assertThat(between.get(0)).hasSize(2);
			assertThat(between.get(1)).hasSize(3);
			return (int) (indexEntriesRead(dsl) - before);
		});
		assertThat(read).as("index entries of the branch read").isLessThan(30);
	}

	private static long indexEntriesRead(DSLContext dsl) {
		return dsl.fetchSingle("select pg_stat_get_xact_tuples_returned('lockstep.code_changes_branch_idx'::regclass)")
			.get(0, Long.class);
	}

	private static <T> T inTenant(java.util.function.Function<DSLContext, T> work) {
		return app.transactionResult((tx) -> {
			DSLContext dsl = tx.dsl();
			dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.org_id"), DSL.val(ORG.toString()),
					DSL.inline(true)))
				.fetch();
			return work.apply(dsl);
		});
	}

}
