package app.lockstep.domain.audit;

import java.util.List;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.Caller;
import app.lockstep.domain.tenancy.Permission;
import org.jspecify.annotations.Nullable;

/** Reads one page of an organization's audit trail, newest first, by keyset. */
public final class ReadAuditLog {

	public static final int MAX_PAGE = 200;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public ReadAuditLog(AuditLog auditLog, Transactions transactions) {
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	public Page read(Caller caller, @Nullable Long beforeSeq, int limit) {
		caller.require(Permission.READ_AUDIT);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		List<AuditEvent> events = this.transactions.inTenant(caller.orgId(),
				() -> this.auditLog.page(caller.orgId(), beforeSeq, size + 1));
		boolean more = events.size() > size;
		List<AuditEvent> shown = more ? events.subList(0, size) : events;
		Long next = more ? shown.get(shown.size() - 1).seq() : null;
		return new Page(List.copyOf(shown), next);
	}

	public record Page(List<AuditEvent> events, @Nullable Long nextBeforeSeq) {
	}

}
