package app.lockstep.persistence.shared;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.TimedOutException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each unit of work in a transaction whose first statement binds it to one
 * organization (and, where asked, one person, one invitation token, one API token or one
 * webhook) with transaction-local settings that the row-level security policies read.
 * Nested calls join the outer transaction and keep its binding.
 * <p>
 * The same first statement sets the transaction's {@code statement_timeout}
 * ({@code lockstep.database.statement-timeout}, 5 s by default; for
 * {@link #inTenantLongRunning} {@code lockstep.database.long-statement-timeout}, 30 min):
 * PostgreSQL cancels a statement that runs longer (SQLSTATE 57014), the transaction rolls
 * back and the caller gets a {@link TimedOutException}. So no request keeps a pooled
 * connection busy with one slow query, whatever it asked for.
 */
@Component
public class TenantTransactions implements Transactions {

	/** SQLSTATE query_canceled: the statement timeout (or a cancel request) fired. */
	private static final String QUERY_CANCELED = "57014";

	public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration DEFAULT_LONG_STATEMENT_TIMEOUT = Duration.ofMinutes(30);

	private final TransactionTemplate template;

	private final DSLContext dsl;

	private final Duration statementTimeout;

	private final Duration longStatementTimeout;

	@Autowired
	public TenantTransactions(PlatformTransactionManager transactionManager, DSLContext dsl,
			@Value("${lockstep.database.statement-timeout:5s}") Duration statementTimeout,
			@Value("${lockstep.database.long-statement-timeout:30m}") Duration longStatementTimeout) {
		this.template = new TransactionTemplate(transactionManager);
		this.dsl = dsl;
		this.statementTimeout = statementTimeout;
		this.longStatementTimeout = longStatementTimeout;
	}

	public TenantTransactions(PlatformTransactionManager transactionManager, DSLContext dsl) {
		this(transactionManager, dsl, DEFAULT_STATEMENT_TIMEOUT, DEFAULT_LONG_STATEMENT_TIMEOUT);
	}

	@Override
	public <T> T inTenant(OrgId org, Supplier<T> work) {
		return run(new Binding(org.toString(), null, null, null), this.statementTimeout, work);
	}

	@Override
	public <T> T inTenantLongRunning(OrgId org, Supplier<T> work) {
		return run(new Binding(org.toString(), null, null, null), this.longStatementTimeout, work);
	}

	@Override
	public <T> T inTenant(OrgId org, UserId user, Supplier<T> work) {
		return run(new Binding(org.toString(), user.toString(), null, null), this.statementTimeout, work);
	}

	@Override
	public <T> T asUser(UserId user, Supplier<T> work) {
		return run(new Binding(null, user.toString(), null, null), this.statementTimeout, work);
	}

	@Override
	public <T> T global(Supplier<T> work) {
		return run(new Binding(null, null, null, null), this.statementTimeout, work);
	}

	@Override
	public <T> T forInvitation(String tokenHash, Supplier<T> work) {
		return run(new Binding(null, null, tokenHash, null), this.statementTimeout, work);
	}

	@Override
	public <T> T forApiToken(String tokenHash, Supplier<T> work) {
		return run(new Binding(null, null, null, tokenHash), this.statementTimeout, work);
	}

	@Override
	public <T> T forWebhook(String hookId, Supplier<T> work) {
		return timed(this.statementTimeout, () -> this.template.execute((status) -> {
			if (status.isNewTransaction()) {
				bind(new Binding(null, null, null, null), this.statementTimeout);
				this.dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.webhook"), DSL.val(hookId),
						DSL.inline(true)))
					.fetch();
			}
			return work.get();
		}));
	}

	@Override
	public <T> T forSsoLookup(String registrationIdOrDomain, Supplier<T> work) {
		return timed(this.statementTimeout, () -> this.template.execute((status) -> {
			if (status.isNewTransaction()) {
				bind(new Binding(null, null, null, null), this.statementTimeout);
				this.dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.sso_lookup"),
						DSL.val(registrationIdOrDomain), DSL.inline(true)))
					.fetch();
			}
			return work.get();
		}));
	}

	@Override
	public <T> T forScheduler(Supplier<T> work) {
		return timed(this.statementTimeout, () -> this.template.execute((status) -> {
			if (status.isNewTransaction()) {
				bind(new Binding(null, null, null, null), this.statementTimeout);
				this.dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.scheduler"), DSL.val("on"),
						DSL.inline(true)))
					.fetch();
				this.dsl.execute("set transaction read only");
			}
			return work.get();
		}));
	}

	private <T> T run(Binding binding, Duration timeout, Supplier<T> work) {
		return timed(timeout, () -> this.template.execute((status) -> {
			if (status.isNewTransaction()) {
				bind(binding, timeout);
			}
			return work.get();
		}));
	}

	/**
	 * Runs the transaction; a statement cancelled by the timeout becomes a
	 * {@link TimedOutException} (once, at the outermost unit of work that sees it).
	 */
	private <T> T timed(Duration timeout, Supplier<T> transaction) {
		try {
			return transaction.get();
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof TimedOutException) && cancelled(ex)) {
				TimedOutException timedOut = new TimedOutException(timeout);
				timedOut.initCause(ex);
				throw timedOut;
			}
			throw ex;
		}
	}

	private static boolean cancelled(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private record Binding(@Nullable String org, @Nullable String user, @Nullable String invitation,
			@Nullable String apiToken) {
	}

	private void bind(Binding binding, Duration timeout) {
		this.dsl
			.select(setting("lockstep.org_id", binding.org()), setting("lockstep.user_id", binding.user()),
					setting("lockstep.invitation_token", binding.invitation()),
					setting("lockstep.api_token", binding.apiToken()),
					setting("statement_timeout", String.valueOf(Math.max(1, timeout.toMillis()))))
			.fetch();
	}

	private static org.jooq.Field<String> setting(String name, @Nullable String value) {
		return DSL.function("set_config", String.class, DSL.val(name), DSL.val((value != null) ? value : ""),
				DSL.inline(true));
	}

}
