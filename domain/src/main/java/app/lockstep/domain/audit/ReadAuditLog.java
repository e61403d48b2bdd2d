package app.lockstep.domain.audit;

import java.util.List;

import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Reads an organization's audit trail: a page of events newest first by keyset, with
 * filters; one event; the actions it holds.
 */
@UseCase
public final class ReadAuditLog {

	public static final int MAX_PAGE = 200;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public ReadAuditLog(AuditLog auditLog, Transactions transactions) {
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public Page read(Caller caller, @Nullable Long beforeSeq, int limit) {
		return read(caller, AuditFilter.NONE, beforeSeq, limit);
	}

	public Page read(Caller caller, AuditFilter filter, @Nullable Long beforeSeq, int limit) {
		caller.require(Permission.READ_AUDIT);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		List<AuditEvent> events = this.transactions.inTenant(caller.orgId(),
				() -> this.auditLog.page(caller.orgId(), filter, beforeSeq, size + 1));
		boolean more = events.size() > size;
		List<AuditEvent> shown = more ? events.subList(0, size) : events;
		Long next = more ? shown.get(shown.size() - 1).seq() : null;
		return new Page(List.copyOf(shown), next);
	}

	public AuditEvent event(Caller caller, long seq) {
		caller.require(Permission.READ_AUDIT);
		return this.transactions.inTenant(caller.orgId(), () -> this.auditLog.event(caller.orgId(), seq))
			.orElseThrow(() -> new NotFoundException("No audit event " + seq + "."));
	}

	public List<String> actions(Caller caller) {
		caller.require(Permission.READ_AUDIT);
		return this.transactions.inTenant(caller.orgId(), () -> this.auditLog.actions(caller.orgId()));
	}

	public record Page(List<AuditEvent> events, @Nullable Long nextBeforeSeq) {
	}

}
