package app.lockstep.persistence.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Appends form a gapless hash chain per organization, and the chain's SQL definition
 * (used by the V4 migration for older events) writes the very same canonical JSON and
 * hash as the application.
 */
class HashChainTest {

	private static final AuditHarness harness = new AuditHarness(
			java.time.Clock.fixed(Instant.parse("2026-11-22T10:15:30.123456Z"), java.time.ZoneOffset.UTC));

	@Test
	void appendsAreNumberedWithoutGapsAndEachLinksToThePreviousOne() {
		OrgId org = harness.newOrganization("chain");
		harness.append(org, "test.one");
		harness.transactions.inTenant(org, () -> {
			harness.auditLog.append(org, Actor.system("test"), AuditEntry.of("test.two", "test", null).build());
			harness.auditLog.append(org, Actor.system("test"), AuditEntry.of("test.three", "test", null).build());
			return null;
		});
		harness.append(org, "test.four");
		List<AuditEvent> events = readAll(org);
		assertThat(events).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L);
		assertThat(events).extracting(AuditEvent::action)
			.containsExactly("test.one", "test.two", "test.three", "test.four");
		String previous = AuditChain.GENESIS;
		for (AuditEvent event : events) {
			assertThat(event.prevHash()).isEqualTo(previous);
			assertThat(event.hash()).isEqualTo(AuditChain.hash(previous, AuditChain.canonicalJson(org, event)));
			assertThat(event.at()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
			previous = event.hash();
		}
		assertThat(harness.transactions.inTenant(org, () -> harness.auditLog.head(org)))
			.isEqualTo(new ChainHead(4, previous));
	}

	@Test
	void aTransactionThatRollsBackLeavesNoEventAndNoGap() {
		OrgId org = harness.newOrganization("rollback");
		harness.append(org, "test.kept");
		assertThatThrownBy(() -> harness.transactions.inTenant(org, () -> {
			harness.auditLog.append(org, Actor.system("test"), AuditEntry.of("test.lost", "test", null).build());
			throw new IllegalStateException("the change failed");
		})).hasMessage("the change failed");
		harness.append(org, "test.next");
		assertThat(readAll(org)).extracting(AuditEvent::seq, AuditEvent::action)
			.containsExactly(tuple(1L, "test.kept"), tuple(2L, "test.next"));
	}

	@Test
	void anAppendOutsideATransactionIsRefused() {
		OrgId org = OrgId.random();
		assertThatThrownBy(
				() -> harness.auditLog.append(org, Actor.system("test"), AuditEntry.of("test", "test", null).build()))
			.hasMessageContaining("only inside the transaction");
	}

	@Test
	void theSqlDefinitionOfTheChainAgreesWithTheApplication() {
		OrgId org = harness.newOrganization("sql-agrees");
		List<String> awkward = List.of("plain", "quote \" and backslash \\", "new\nline\ttab\rreturn\bback\fform",
				"\u0001\u001f control", "é ü ß", "\u2028 line separator \u007f delete", "\uD83D\uDE00 emoji",
				"\uFFFD replacement", "</script>", "");
		harness.transactions.inTenant(org, () -> {
			for (String text : awkward) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("text", text);
				details.put(text.isEmpty() ? "empty" : text, 42);
				details.put("\uD83D\uDE00", List.of(1, -2, Long.MAX_VALUE));
				details.put("\uFFFD", Arrays.asList(true, false, null, Map.of("nested", text)));
				details.put("changes", Map.of("name", Map.of("before", "", "after", text)));
				harness.auditLog.append(org, new Actor(Actor.Type.USER, "u-" + text, text, "::1"),
						new AuditEntry("test.awkward", "t " + text, text, text, text.isEmpty() ? null : text, details));
			}
			return null;
		});
		List<AuditEvent> events = readAll(org);
		assertThat(events).hasSize(awkward.size());
		DSLContext owner = AuditHarness.owner();
		List<Record3<Long, String, String>> sql = owner.transactionResult((configuration) -> {
			AuditHarness.bind(configuration.dsl(), org);
			return configuration.dsl()
				.resultQuery(
						"""
								select e.seq, lockstep.audit_event_canonical_json(e),
								       encode(sha256(convert_to(e.prev_hash || lockstep.audit_event_canonical_json(e), 'UTF8')), 'hex')
								  from lockstep.audit_events e where e.org_id = {0} order by e.seq""",
						DSL.val(org.value()))
				.coerce(DSL.field("seq", Long.class), DSL.field("canonical", String.class),
						DSL.field("hash", String.class))
				.fetch();
		});
		List<String> javaCanonical = new ArrayList<>();
		for (AuditEvent event : events) {
			javaCanonical.add(AuditChain.canonicalJson(org, event));
		}
		assertThat(sql).extracting(Record3::value2).containsExactlyElementsOf(javaCanonical);
		assertThat(sql).extracting(Record3::value3)
			.containsExactlyElementsOf(events.stream().map(AuditEvent::hash).toList());
	}

	static List<AuditEvent> readAll(OrgId org) {
		List<AuditEvent> events = new ArrayList<>();
		harness.transactions.inTenant(org, () -> {
			harness.auditLog.scan(org, AuditFilter.NONE, Long.MAX_VALUE, events::add);
			return null;
		});
		return events;
	}

	static int count(OrgId org) {
		return AuditHarness.owner().transactionResult((configuration) -> {
			AuditHarness.bind(configuration.dsl(), org);
			return configuration.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ORG_ID.eq(org));
		});
	}

}
