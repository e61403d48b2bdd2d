package app.lockstep.web.shared;

import app.lockstep.persistence.shared.RuntimeRoleGuard;
import org.jooq.DSLContext;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Stops the start-up when the runtime role could read across tenants (see
 * {@link RuntimeRoleGuard}).
 */
@Component
@DependsOn("flywayInitializer")
class RuntimeRoleCheck implements InitializingBean {

	private final DSLContext dsl;

	RuntimeRoleCheck(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void afterPropertiesSet() {
		RuntimeRoleGuard.check(this.dsl);
	}

}
