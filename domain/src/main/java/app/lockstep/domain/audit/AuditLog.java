package app.lockstep.domain.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail port. Appends run inside the transaction of the change they record; the
 * adapter chains them (sequence number, prevHash, hash) when that transaction commits, so
 * an organization's chain is held only from the insert to the commit.
 */
public interface AuditLog {

	void append(OrgId org, Actor actor, AuditEntry entry);

	/**
	 * Newest first, the events matching {@code filter} with a sequence number below
	 * {@code beforeSeq} (all when null).
	 */
	List<AuditEvent> page(OrgId org, AuditFilter filter, @Nullable Long beforeSeq, int limit);

	default List<AuditEvent> page(OrgId org, @Nullable Long beforeSeq, int limit) {
		return page(org, AuditFilter.NONE, beforeSeq, limit);
	}

	Optional<AuditEvent> event(OrgId org, long seq);

	/** Oldest first, the events about one target (such as a deployment's id). */
	List<AuditEvent> ofTarget(OrgId org, String targetId, int limit);

	/**
	 * Oldest first, the events matching {@code filter} up to sequence number
	 * {@code upToSeq}, streamed from the database a batch at a time (constant memory),
	 * while {@code visitor} answers true.
	 */
	void scan(OrgId org, AuditFilter filter, long upToSeq, Predicate<AuditEvent> visitor);

	/**
	 * The newest link as the database records it ({@link ChainHead#EMPTY} before any).
	 */
	ChainHead head(OrgId org);

	/** The actions the organization's trail holds, alphabetically. */
	List<String> actions(OrgId org);

}
