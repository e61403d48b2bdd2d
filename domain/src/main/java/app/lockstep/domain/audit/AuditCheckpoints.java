package app.lockstep.domain.audit;

import java.util.List;

import app.lockstep.domain.shared.OrgId;

/** The signed checkpoints port (append-only, like the events). */
public interface AuditCheckpoints {

	/**
	 * Every organization that has a chain, across tenants: only for the signing job,
	 * which then signs each in a transaction bound to that organization.
	 */
	List<OrgId> organizationsWithChains();

	void add(OrgId org, Checkpoint checkpoint);

	/** Newest first. */
	List<Checkpoint> recent(OrgId org, int limit);

	/** Oldest first; one a day, so a year is a few hundred. */
	List<Checkpoint> all(OrgId org);

}
