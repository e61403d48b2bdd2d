package app.lockstep.domain.audit;

import java.util.function.Consumer;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;

/**
 * Streams the events matching a filter, oldest first (chain order), with their hashes, to
 * a consumer that writes them out as they come: nothing is loaded first.
 */
@UseCase
public final class ExportAuditLog {

	private final AuditLog auditLog;

	private final Transactions transactions;

	public ExportAuditLog(AuditLog auditLog, Transactions transactions) {
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	/** Checks the permission before anything is written. */
	public void requireAllowed(Caller caller) {
		caller.require(Permission.READ_AUDIT);
	}

	/** Answers how many events were written. */
	public long export(Caller caller, AuditFilter filter, Consumer<AuditEvent> out) {
		caller.require(Permission.READ_AUDIT);
		long[] count = { 0 };
		this.transactions.inTenantLongRunning(caller.orgId(), () -> {
			this.auditLog.scan(caller.orgId(), filter, Long.MAX_VALUE, (event) -> {
				out.accept(event);
				count[0]++;
				return true;
			});
			return null;
		});
		return count[0];
	}

}
