package app.lockstep.persistence.audit;

import java.util.List;
import java.util.function.Supplier;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.AuditEventsRecord;
import app.lockstep.persistence.shared.Json;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;

/**
 * What the audit reads share: a filter as SQL (always led by the organization), the
 * organization's distinct actions, the mapping of a row to an event, and reading in
 * sequence order.
 */
final class AuditQueries {

	private final DSLContext dsl;

	/** Sends statements with their values inlined: planned for them, never prepared. */
	private final DSLContext planned;

	AuditQueries(DSLContext dsl) {
		this.dsl = dsl;
		this.planned = dsl.configuration()
			.deriveSettings((settings) -> settings.withStatementType(StatementType.STATIC_STATEMENT))
			.dsl();
	}

	/** The statements of audit pages and scans: planned for their values. */
	DSLContext planned() {
		return this.planned;
	}

	/**
	 * The distinct actions, read by skipping through the (org_id, action, seq) index one
	 * action at a time rather than scanning every event.
	 */
	List<String> actions(OrgId org) {
		return this.dsl.resultQuery("""
				with recursive actions (action) as (
				    (select action from lockstep.audit_events where org_id = {0} order by action limit 1)
				    union all
				    select (select e.action from lockstep.audit_events e
				             where e.org_id = {0} and e.action > a.action order by e.action limit 1)
				      from actions a where a.action is not null)
				select action from actions where action is not null order by action""", DSL.val(org.value()))
			.fetch(0, String.class);
	}

	/**
	 * The filter as SQL, always with the organization first (it leads every index). A
	 * filter by a kind of action ({@code freeze} for {@code freeze.added},
	 * {@code freeze.removed}, ...) names the organization's actions of that kind, read
	 * first by {@link #actions}: {@code action like 'freeze.%'} cannot use the (org_id,
	 * action, seq) index under a collation other than "C", so a rare kind walked the
	 * whole chain (a million events for the environment timeline's freezes). A kind the
	 * organization never recorded matches nothing without reading an event.
	 */
	Condition matching(OrgId org, AuditFilter filter) {
		if (filter.action() != null && !filter.action().contains(".")) {
			String kind = filter.action() + ".";
			List<String> actions = actions(org).stream().filter((action) -> action.startsWith(kind)).toList();
			return matching(org, filter, actions.isEmpty() ? DSL.falseCondition() : AUDIT_EVENTS.ACTION.in(actions));
		}
		return matching(org, filter, null);
	}

	private static Condition matching(OrgId org, AuditFilter filter, @Nullable Condition kind) {
		Condition condition = AUDIT_EVENTS.ORG_ID.eq(org);
		if (filter.actor() != null) {
			condition = condition.and(AUDIT_EVENTS.ACTOR_ID.eq(filter.actor())
				.or(AUDIT_EVENTS.ACTOR_NAME.containsIgnoreCase(filter.actor())));
		}
		if (kind != null) {
			condition = condition.and(kind);
		}
		else if (filter.action() != null) {
			condition = condition.and(AUDIT_EVENTS.ACTION.eq(filter.action()));
		}
		if (filter.project() != null) {
			// The slug as recorded, or, when no project has that slug, the name of a
			// project of this organization (any case), as people know it. One IN list, so
			// the (org, project) index still serves; a slug never widens to another
			// project that happens to be named like it.
			var sameSlug = PROJECTS.as("same_slug");
			condition = condition.and(AUDIT_EVENTS.PROJECT_SLUG.in(DSL.select(DSL.val(filter.project()))
				.unionAll(DSL.select(PROJECTS.SLUG)
					.from(PROJECTS)
					.where(PROJECTS.ORG_ID.eq(org))
					.and(DSL.lower(PROJECTS.NAME).eq(DSL.lower(DSL.val(filter.project()))))
					.andNotExists(DSL.selectOne()
						.from(sameSlug)
						.where(sameSlug.ORG_ID.eq(org))
						.and(sameSlug.SLUG.eq(filter.project()))))));
		}
		if (filter.environment() != null) {
			condition = condition.and(AUDIT_EVENTS.ENVIRONMENT_NAME.eq(filter.environment()));
		}
		if (filter.from() != null) {
			condition = condition.and(AUDIT_EVENTS.OCCURRED_AT.ge(filter.from()));
		}
		if (filter.to() != null) {
			condition = condition.and(AUDIT_EVENTS.OCCURRED_AT.lt(filter.to()));
		}
		if (filter.text() != null) {
			Field<String> everything = DSL.concat(AUDIT_EVENTS.ACTION, DSL.inline(" "), AUDIT_EVENTS.ACTOR_NAME,
					DSL.inline(" "), DSL.coalesce(AUDIT_EVENTS.TARGET_ID, ""), DSL.inline(" "),
					DSL.coalesce(AUDIT_EVENTS.PROJECT_SLUG, ""), DSL.inline(" "),
					DSL.coalesce(AUDIT_EVENTS.ENVIRONMENT_NAME, ""), DSL.inline(" "),
					AUDIT_EVENTS.DETAILS.cast(String.class));
			condition = condition.and(everything.containsIgnoreCase(filter.text()));
		}
		return condition;
	}

	/**
	 * The sequence numbers of the matching events of a time range, read in a materialized
	 * CTE: through the time index, which carries them, where the planner would otherwise
	 * walk the primary key (for a page's {@code order by seq limit 50}, or for
	 * {@code min(seq)} and {@code max(seq)}, which it turns into such walks).
	 */
	CommonTableExpression<Record1<Long>> seqsOf(Condition inRange) {
		return DSL.name("in_range")
			.fields("seq")
			.asMaterialized(this.planned.select(AUDIT_EVENTS.SEQ).from(AUDIT_EVENTS).where(inRange));
	}

	/**
	 * Runs a read with sorting priced out of the planner's choices, so it walks an index
	 * in sequence order. For a scan: left to itself, the planner multiplies the
	 * selectivity of the organization by that of the sequence range as if they were
	 * independent: at 10 million events, for the last fifth of a 1,000,000-event chain it
	 * expected 21,000 rows where 220,000 matched, and chose to sort them all on disk for
	 * each chunk of 20,000 (up to 570 ms a chunk instead of about 100). The setting is
	 * local to the transaction: put back afterwards, or gone with the transaction if the
	 * read fails (it may be aborted, and then could not take another statement).
	 */
	<T> T inSequenceOrder(Supplier<T> read) {
		this.dsl.execute("set local enable_sort = off");
		T result = read.get();
		this.dsl.execute("set local enable_sort = on");
		return result;
	}

	static AuditEvent toEvent(AuditEventsRecord record) {
		return new AuditEvent(record.getSeq(), record.getOccurredAt(),
				new Actor(Actor.Type.valueOf(record.getActorType()), record.getActorId(), record.getActorName(),
						record.getIp()),
				record.getAction(), record.getTargetType(), record.getTargetId(), record.getProjectSlug(),
				record.getEnvironmentName(), Json.map(record.getDetails()), record.getPrevHash(), record.getHash());
	}

}
