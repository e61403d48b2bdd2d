package app.lockstep.domain.config;

import java.util.Collection;
import java.util.List;

import app.lockstep.domain.shared.OrgId;

/** The durable record of secret reads not yet folded into the audit chain. */
public interface SecretReads {

	/**
	 * Records one read and returns once it is committed (outside any unit of work: the
	 * read must be on record before the values leave). The adapter may commit it together
	 * with concurrent reads, and as one record with reads alike but for their time. The
	 * id of the given read is ignored.
	 */
	void record(SecretRead read);

	/**
	 * The organizations with reads waiting to be folded (in a scheduler transaction).
	 */
	List<OrgId> organizationsWithPending(int limit);

	/**
	 * The oldest waiting reads of the organization, locked for this transaction; reads
	 * another transaction is folding are skipped.
	 */
	List<SecretRead> lockPending(OrgId org, int limit);

	void delete(OrgId org, Collection<Long> ids);

}
