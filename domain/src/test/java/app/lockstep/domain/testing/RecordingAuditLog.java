package app.lockstep.domain.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AuditLog} that keeps what is appended, per organization, for assertions
 * ({@link #entries}, {@link #actions(OrgId)}, {@link #last}). Appends are chained at once
 * (the adapter chains at commit; with {@link DirectTransactions} every append is
 * committed), with the real {@link AuditChain} hashes and the clock's time truncated to
 * milliseconds, so {@link #head} and the events read back are what the database would
 * give. Only the empty {@link AuditFilter} is supported: filtering is the SQL's job and
 * is tested against the database.
 */
public final class RecordingAuditLog implements AuditLog {

	/** One append: who, and what. */
	public record Recorded(Actor actor, AuditEntry entry, AuditEvent event) {
	}

	private final Clock clock;

	private final Map<OrgId, List<Recorded>> byOrg = new HashMap<>();

	public RecordingAuditLog(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void append(OrgId org, Actor actor, AuditEntry entry) {
		List<Recorded> trail = this.byOrg.computeIfAbsent(org, (o) -> new ArrayList<>());
		ChainHead head = head(org);
		long seq = head.seq() + 1;
		var at = AuditChain.truncate(this.clock.instant());
		String hash = AuditChain.hash(head.hash(), AuditChain.canonicalJson(org, seq, at, actor, entry.action(),
				entry.targetType(), entry.targetId(), entry.projectSlug(), entry.environmentName(), entry.details()));
		AuditEvent event = new AuditEvent(seq, at, actor, entry.action(), entry.targetType(), entry.targetId(),
				entry.projectSlug(), entry.environmentName(), entry.details(), head.hash(), hash);
		trail.add(new Recorded(actor, entry, event));
	}

	/** Everything appended for the organization, oldest first. */
	public List<Recorded> recorded(OrgId org) {
		return List.copyOf(this.byOrg.getOrDefault(org, List.of()));
	}

	/** The entries appended for the organization, oldest first. */
	public List<AuditEntry> entries(OrgId org) {
		return recorded(org).stream().map(Recorded::entry).toList();
	}

	/** The entries with this action, oldest first. */
	public List<AuditEntry> entries(OrgId org, String action) {
		return entries(org).stream().filter((e) -> e.action().equals(action)).toList();
	}

	/** The actions appended, in the order they were (not the port's sorted list). */
	public List<String> appendedActions(OrgId org) {
		return entries(org).stream().map(AuditEntry::action).toList();
	}

	/** The last entry appended for the organization. */
	public AuditEntry last(OrgId org) {
		List<Recorded> trail = recorded(org);
		if (trail.isEmpty()) {
			throw new AssertionError("Nothing was appended to the audit log of " + org);
		}
		return trail.get(trail.size() - 1).entry();
	}

	@Override
	public List<AuditEvent> page(OrgId org, AuditFilter filter, @Nullable Long beforeSeq, int limit) {
		requireNoFilter(filter);
		return events(org).stream()
			.filter((e) -> beforeSeq == null || e.seq() < beforeSeq)
			.sorted(Comparator.comparingLong(AuditEvent::seq).reversed())
			.limit(limit)
			.toList();
	}

	@Override
	public Optional<AuditEvent> event(OrgId org, long seq) {
		return events(org).stream().filter((e) -> e.seq() == seq).findFirst();
	}

	@Override
	public List<AuditEvent> ofTarget(OrgId org, String targetId, int limit) {
		return events(org).stream().filter((e) -> targetId.equals(e.targetId())).limit(limit).toList();
	}

	@Override
	public void scan(OrgId org, AuditFilter filter, long upToSeq, Predicate<AuditEvent> visitor) {
		requireNoFilter(filter);
		for (AuditEvent event : events(org)) {
			if (event.seq() > upToSeq || !visitor.test(event)) {
				return;
			}
		}
	}

	@Override
	public ChainHead head(OrgId org) {
		List<AuditEvent> events = events(org);
		if (events.isEmpty()) {
			return ChainHead.EMPTY;
		}
		AuditEvent last = events.get(events.size() - 1);
		return new ChainHead(last.seq(), last.hash());
	}

	@Override
	public List<String> actions(OrgId org) {
		return List.copyOf(new TreeSet<>(appendedActions(org)));
	}

	private List<AuditEvent> events(OrgId org) {
		return recorded(org).stream().map(Recorded::event).toList();
	}

	private static void requireNoFilter(AuditFilter filter) {
		if (!filter.isEmpty()) {
			throw new UnsupportedOperationException(
					"RecordingAuditLog does not filter; filters are SQL, tested against the database");
		}
	}

}
