package app.lockstep.domain.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.shared.InstanceCache;
import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.UserId;

/**
 * The count beside "Approvals" on every page an approver opens, kept in this instance's
 * memory until the database says a request, a decision or a gate of the organization
 * changed ({@link InstanceCaches#APPROVALS}), or until the earliest of the member's own
 * decisions that keep a request out of the count expires. Without it, each page paid four
 * queries for the badge.
 */
@UseCase
public final class AwaitingDecisionCounts {

	private final ViewDeployments view;

	private final Clock clock;

	private final InstanceCache<Key, ViewDeployments.AwaitingDecision> cache;

	private record Key(OrgId org, UserId user, Role role) {
	}

	public AwaitingDecisionCounts(ViewDeployments view, InstanceCaches caches, Clock clock) {
		this.view = view;
		this.clock = clock;
		this.cache = caches.create("awaiting-decision", 50_000, InstanceCaches.APPROVALS);
	}

	public int of(Caller caller) {
		Key key = new Key(caller.orgId(), caller.userId(), caller.role());
		Instant now = this.clock.instant();
		ViewDeployments.AwaitingDecision counted = load(key, caller);
		if (!now.isBefore(counted.validUntil())) {
			this.cache.forget(key);
			counted = load(key, caller);
		}
		return counted.count();
	}

	private ViewDeployments.AwaitingDecision load(Key key, Caller caller) {
		return this.cache.get(key, () -> Optional.of(this.view.awaitingDecision(caller)), (counted) -> key.org())
			.orElseThrow();
	}

}
