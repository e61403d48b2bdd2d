package app.lockstep.persistence.shared;

import java.util.function.Supplier;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each unit of work in a transaction whose first statement binds it to one
 * organization (and, where asked, one person, one invitation token, one API token or one
 * webhook) with transaction-local settings that the row-level security policies read.
 * Nested calls join the outer transaction and keep its binding.
 */
@Component
public class TenantTransactions implements Transactions {

	private final TransactionTemplate template;

	private final DSLContext dsl;

	public TenantTransactions(PlatformTransactionManager transactionManager, DSLContext dsl) {
		this.template = new TransactionTemplate(transactionManager);
		this.dsl = dsl;
	}

	@Override
	public <T> T inTenant(OrgId org, Supplier<T> work) {
		return run(org.toString(), null, null, null, work);
	}

	@Override
	public <T> T inTenant(OrgId org, UserId user, Supplier<T> work) {
		return run(org.toString(), user.toString(), null, null, work);
	}

	@Override
	public <T> T asUser(UserId user, Supplier<T> work) {
		return run(null, user.toString(), null, null, work);
	}

	@Override
	public <T> T global(Supplier<T> work) {
		return run(null, null, null, null, work);
	}

	@Override
	public <T> T forInvitation(String tokenHash, Supplier<T> work) {
		return run(null, null, tokenHash, null, work);
	}

	@Override
	public <T> T forApiToken(String tokenHash, Supplier<T> work) {
		return run(null, null, null, tokenHash, work);
	}

	@Override
	public <T> T forWebhook(String hookId, Supplier<T> work) {
		return this.template.execute((status) -> {
			if (status.isNewTransaction()) {
				bind(null, null, null, null);
				this.dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.webhook"), DSL.val(hookId),
						DSL.inline(true)))
					.fetch();
			}
			return work.get();
		});
	}

	@Override
	public <T> T forScheduler(Supplier<T> work) {
		return this.template.execute((status) -> {
			if (status.isNewTransaction()) {
				bind(null, null, null, null);
				this.dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.scheduler"), DSL.val("on"),
						DSL.inline(true)))
					.fetch();
				this.dsl.execute("set transaction read only");
			}
			return work.get();
		});
	}

	private <T> T run(@Nullable String org, @Nullable String user, @Nullable String invitation,
			@Nullable String apiToken, Supplier<T> work) {
		return this.template.execute((status) -> {
			if (status.isNewTransaction()) {
				bind(org, user, invitation, apiToken);
			}
			return work.get();
		});
	}

	private void bind(@Nullable String org, @Nullable String user, @Nullable String invitation,
			@Nullable String apiToken) {
		this.dsl.select(
				DSL.function("set_config", String.class, DSL.val("lockstep.org_id"), DSL.val(nullToEmpty(org)),
						DSL.inline(true)),
				DSL.function("set_config", String.class, DSL.val("lockstep.user_id"), DSL.val(nullToEmpty(user)),
						DSL.inline(true)),
				DSL.function("set_config", String.class, DSL.val("lockstep.invitation_token"),
						DSL.val(nullToEmpty(invitation)), DSL.inline(true)),
				DSL.function("set_config", String.class, DSL.val("lockstep.api_token"), DSL.val(nullToEmpty(apiToken)),
						DSL.inline(true)))
			.fetch();
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
