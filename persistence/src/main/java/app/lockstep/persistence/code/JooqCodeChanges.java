package app.lockstep.persistence.code;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.code.CodeSource;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.CodeChangesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.CODE_CHANGES;
import static app.lockstep.persistence.jooq.Tables.CODE_TAGS;
import static org.jooq.impl.DSL.select;

@Repository
class JooqCodeChanges implements CodeChanges {

	private final DSLContext dsl;

	JooqCodeChanges(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public List<String> addAll(OrgId org, ProjectId project, List<Commit> commits, CodeSource source,
			Instant receivedAt) {
		if (commits.isEmpty()) {
			return List.of();
		}
		var insert = this.dsl.insertInto(CODE_CHANGES, CODE_CHANGES.ORG_ID, CODE_CHANGES.PROJECT_ID, CODE_CHANGES.SHA,
				CODE_CHANGES.BRANCH, CODE_CHANGES.AUTHOR, CODE_CHANGES.MESSAGE, CODE_CHANGES.COMMITTED_AT,
				CODE_CHANGES.URL, CODE_CHANGES.RECEIVED_AT, CODE_CHANGES.SOURCE);
		for (Commit commit : commits) {
			insert = insert.values(org, project, commit.sha(), commit.branch(), commit.author(), commit.message(),
					commit.committedAt(), commit.url(), receivedAt, source.name());
		}
		Set<String> stored = new HashSet<>(
				insert.onConflictDoNothing().returning(CODE_CHANGES.SHA).fetch(CODE_CHANGES.SHA));
		return commits.stream().map(Commit::sha).filter(stored::contains).toList();
	}

	@Override
	public Optional<CodeChange> find(OrgId org, ProjectId project, String sha) {
		return this.dsl.selectFrom(CODE_CHANGES)
			.where(ofProject(org, project).and(CODE_CHANGES.SHA.eq(sha)))
			.fetchOptional()
			.map(JooqCodeChanges::toChange);
	}

	@Override
	public boolean addTag(OrgId org, ProjectId project, String tag, String sha, Instant pushedAt) {
		return this.dsl.insertInto(CODE_TAGS)
			.set(CODE_TAGS.ORG_ID, org)
			.set(CODE_TAGS.PROJECT_ID, project)
			.set(CODE_TAGS.NAME, tag)
			.set(CODE_TAGS.SHA, sha)
			.set(CODE_TAGS.PUSHED_AT, pushedAt)
			.onConflictDoNothing()
			.execute() > 0;
	}

	@Override
	public List<String> tagsAt(OrgId org, ProjectId project, String sha) {
		return this.dsl.select(CODE_TAGS.NAME)
			.from(CODE_TAGS)
			.where(CODE_TAGS.ORG_ID.eq(org).and(CODE_TAGS.PROJECT_ID.eq(project)).and(CODE_TAGS.SHA.eq(sha)))
			.orderBy(CODE_TAGS.PUSHED_AT.desc(), CODE_TAGS.NAME)
			.fetch(CODE_TAGS.NAME);
	}

	@Override
	public List<CodeChange> page(OrgId org, ProjectId project, @Nullable String branch, @Nullable String beforeSha,
			int limit) {
		Condition condition = ofProject(org, project);
		if (branch != null) {
			condition = condition.and(CODE_CHANGES.BRANCH.eq(branch));
		}
		if (beforeSha != null) {
			condition = condition.and(CODE_CHANGES.SEQ.lt(select(CODE_CHANGES.SEQ).from(CODE_CHANGES)
				.where(ofProject(org, project).and(CODE_CHANGES.SHA.eq(beforeSha)))));
		}
		return this.dsl.selectFrom(CODE_CHANGES)
			.where(condition)
			.orderBy(CODE_CHANGES.SEQ.desc())
			.limit(limit)
			.fetch(JooqCodeChanges::toChange);
	}

	/**
	 * One statement: the two commits are looked up in subqueries (an unknown {@code to}
	 * gives no commits, an unknown {@code from} no lower bound), so a page listing many
	 * deployments pays one round trip per deployment instead of three.
	 */
	@Override
	public List<CodeChange> commitsBetween(OrgId org, ProjectId project, @Nullable String fromSha, String toSha) {
		Condition condition = between(org, DSL.val(project, CODE_CHANGES.PROJECT_ID),
				DSL.val((fromSha != null) ? fromSha.toLowerCase(java.util.Locale.ROOT) : null, SQLDataType.CLOB),
				DSL.val(toSha.toLowerCase(java.util.Locale.ROOT), SQLDataType.CLOB));
		return this.dsl.selectFrom(CODE_CHANGES)
			.where(condition)
			.orderBy(CODE_CHANGES.COMMITTED_AT.desc(), CODE_CHANGES.SEQ.desc())
			.limit(MAX_BETWEEN)
			.fetch(JooqCodeChanges::toChange);
	}

	/**
	 * All ranges in one statement: the ranges as arrays unnested into rows, each joined
	 * laterally to the same query as
	 * {@link #commitsBetween(OrgId, ProjectId, String, String)} (so each is still an
	 * index walk of its branch), answers grouped by the range's position.
	 */
	@Override
	public List<List<CodeChange>> commitsBetween(OrgId org, List<Range> ranges) {
		List<List<CodeChange>> answers = new java.util.ArrayList<>();
		ranges.forEach((range) -> answers.add(new java.util.ArrayList<>()));
		if (ranges.isEmpty()) {
			return answers;
		}
		Integer[] positions = new Integer[ranges.size()];
		java.util.UUID[] projects = new java.util.UUID[ranges.size()];
		String[] froms = new String[ranges.size()];
		String[] tos = new String[ranges.size()];
		for (int i = 0; i < ranges.size(); i++) {
			Range range = ranges.get(i);
			positions[i] = i;
			projects[i] = range.project().value();
			froms[i] = (range.fromSha() != null) ? range.fromSha().toLowerCase(java.util.Locale.ROOT) : null;
			tos[i] = range.toSha().toLowerCase(java.util.Locale.ROOT);
		}
		var input = DSL
			.table("unnest({0}, {1}, {2}, {3})", DSL.val(positions, SQLDataType.INTEGER.array()),
					DSL.val(projects, SQLDataType.UUID.array()), DSL.val(froms, SQLDataType.CLOB.array()),
					DSL.val(tos, SQLDataType.CLOB.array()))
			.as("ranges", "position", "project_id", "from_sha", "to_sha");
		Field<Integer> position = DSL.field(DSL.name("ranges", "position"), SQLDataType.INTEGER);
		Field<ProjectId> project = DSL.field(DSL.name("ranges", "project_id"), CODE_CHANGES.PROJECT_ID.getDataType());
		Field<String> fromSha = DSL.field(DSL.name("ranges", "from_sha"), SQLDataType.CLOB);
		Field<String> toSha = DSL.field(DSL.name("ranges", "to_sha"), SQLDataType.CLOB);
		var between = DSL.selectFrom(CODE_CHANGES)
			.where(between(org, project, fromSha, toSha))
			.orderBy(CODE_CHANGES.COMMITTED_AT.desc(), CODE_CHANGES.SEQ.desc())
			.limit(MAX_BETWEEN)
			.asTable("between_commits");
		this.dsl.select(position)
			.select(between.fields())
			.from(input)
			.crossJoin(DSL.lateral(between))
			.orderBy(position, between.field(CODE_CHANGES.COMMITTED_AT).desc(), between.field(CODE_CHANGES.SEQ).desc())
			.fetch()
			.forEach((row) -> {
				Object[] values = row.intoArray();
				CodeChangesRecord record = new CodeChangesRecord();
				record.fromArray(java.util.Arrays.copyOfRange(values, 1, values.length));
				answers.get(row.get(position)).add(toChange(record));
			});
		return answers;
	}

	/**
	 * The commits of {@code project} on the branch of {@code toSha}, committed after
	 * {@code fromSha} (or from the start when it is null or unknown) and up to and
	 * including {@code toSha}: the two commits looked up in subqueries. The values are
	 * binds for one range, or the columns of the ranges unnested for many.
	 */
	private static Condition between(OrgId org, Field<ProjectId> project, Field<String> fromSha, Field<String> toSha) {
		var to = CODE_CHANGES.as("to_commit");
		var from = CODE_CHANGES.as("from_commit");
		Condition toCommit = to.ORG_ID.eq(org).and(to.PROJECT_ID.eq(project)).and(to.SHA.eq(toSha));
		return CODE_CHANGES.ORG_ID.eq(org)
			.and(CODE_CHANGES.PROJECT_ID.eq(project))
			.and(CODE_CHANGES.BRANCH.eq(DSL.field(select(to.BRANCH).from(to).where(toCommit))))
			.and(CODE_CHANGES.COMMITTED_AT.le(DSL.field(select(to.COMMITTED_AT).from(to).where(toCommit))))
			.and(CODE_CHANGES.COMMITTED_AT
				.gt(after(from.ORG_ID.eq(org).and(from.PROJECT_ID.eq(project)).and(from.SHA.eq(fromSha)), from)));
	}

	/**
	 * The commit time of the commit {@code where} finds, or minus infinity when there is
	 * none (a first deployment, an unknown sha): the lower bound of the walk.
	 * <p>
	 * The fallback is inside the subquery on purpose. Written around it,
	 * {@code coalesce((select …), '-infinity')}, row-level security treats the expression
	 * as one that could leak and evaluates it after the policy, as a filter instead of an
	 * index bound: every older commit of the branch was read (968 of 1,000 rows thrown
	 * away per deployment of the change report, 2.6 s for 1,600 deployments). An "or from
	 * is null" keeps the bound out of the index scan in the same way.
	 */
	private static Field<java.time.Instant> after(Condition where,
			app.lockstep.persistence.jooq.tables.CodeChanges from) {
		return DSL.field(select(DSL.coalesce(DSL.max(from.COMMITTED_AT),
				DSL.field("'-infinity'::timestamptz", from.COMMITTED_AT.getDataType())))
			.from(from)
			.where(where));
	}

	private static Condition ofProject(OrgId org, ProjectId project) {
		return CODE_CHANGES.ORG_ID.eq(org).and(CODE_CHANGES.PROJECT_ID.eq(project));
	}

	private static CodeChange toChange(CodeChangesRecord record) {
		return new CodeChange(record.getProjectId(), record.getSha(), record.getBranch(), record.getAuthor(),
				record.getMessage(), record.getCommittedAt(), record.getUrl(), record.getReceivedAt(),
				CodeSource.valueOf(record.getSource()));
	}

}
