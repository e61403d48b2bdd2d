package app.lockstep.domain.audit;

import java.util.List;

import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/** The audit trail port. Appends run inside the transaction of the change they record. */
public interface AuditLog {

	void append(OrgId org, Actor actor, AuditEntry entry);

	/**
	 * Newest first, the events with a sequence number below {@code beforeSeq} (all when
	 * null).
	 */
	List<AuditEvent> page(OrgId org, @Nullable Long beforeSeq, int limit);

}
