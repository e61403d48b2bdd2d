package app.lockstep.web.ops;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The audit log with every append counted ({@code lockstep.audit.appends} by action, and
 * the deployments' status changes, which are audit events too). The count is taken when
 * the event is appended inside its transaction; a transaction that rolls back afterwards
 * is rare enough not to matter for a rate.
 */
final class MeteredAuditLog implements AuditLog {

	private final AuditLog delegate;

	private final ObjectProvider<LockstepMeters> meters;

	MeteredAuditLog(AuditLog delegate, ObjectProvider<LockstepMeters> meters) {
		this.delegate = delegate;
		this.meters = meters;
	}

	/** Wraps the application's audit log bean. */
	static BeanPostProcessor wrapping(ObjectProvider<LockstepMeters> meters) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof AuditLog log && !(bean instanceof MeteredAuditLog))
						? new MeteredAuditLog(log, meters) : bean;
			}
		};
	}

	@Override
	public void append(OrgId org, Actor actor, AuditEntry entry) {
		this.delegate.append(org, actor, entry);
		this.meters.ifAvailable((meters) -> meters.auditAppend(entry.action()));
	}

	@Override
	public List<AuditEvent> page(OrgId org, AuditFilter filter, @Nullable Long beforeSeq, int limit) {
		return this.delegate.page(org, filter, beforeSeq, limit);
	}

	@Override
	public Optional<AuditEvent> event(OrgId org, long seq) {
		return this.delegate.event(org, seq);
	}

	@Override
	public List<AuditEvent> ofTarget(OrgId org, String targetId, int limit) {
		return this.delegate.ofTarget(org, targetId, limit);
	}

	@Override
	public void scan(OrgId org, AuditFilter filter, long upToSeq, Predicate<AuditEvent> visitor) {
		this.delegate.scan(org, filter, upToSeq, visitor);
	}

	@Override
	public ChainHead head(OrgId org) {
		return this.delegate.head(org);
	}

	@Override
	public List<String> actions(OrgId org) {
		return this.delegate.actions(org);
	}

}
