package app.lockstep.web.shared;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.TimedOutException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No unit of work keeps a pooled connection busy with one slow statement: every kind of
 * transaction the application opens runs with a short statement timeout; only audit
 * exports and verification (which read a whole chain in one COPY) get a long one. A
 * statement cancelled by it rolls its transaction back and answers 503 with Retry-After.
 */
@LockstepTest
class StatementTimeoutTest {

	@Autowired
	Transactions transactions;

	@Autowired
	DSLContext dsl;

	@Autowired
	MockMvc mvc;

	@Test
	void everyUnitOfWorkHasTheShortStatementTimeout() {
		OrgId org = OrgId.random();
		assertThat(this.transactions.inTenant(org, this::timeout)).isEqualTo("5s");
		assertThat(this.transactions.inTenant(org, UserId.random(), this::timeout)).isEqualTo("5s");
		assertThat(this.transactions.asUser(UserId.random(), this::timeout)).isEqualTo("5s");
		assertThat(this.transactions.global(this::timeout)).isEqualTo("5s");
		assertThat(this.transactions.forInvitation("x", this::timeout)).isEqualTo("5s");
		assertThat(this.transactions.forApiToken("x", this::timeout)).isEqualTo("5s");
		assertThat(this.transactions.forWebhook("x", this::timeout)).isEqualTo("5s");
		assertThat(this.transactions.forScheduler(this::timeout)).isEqualTo("5s");
	}

	@Test
	void auditExportsAndVerificationHaveTheirOwnLongerTimeout() {
		assertThat(this.transactions.inTenantLongRunning(OrgId.random(), this::timeout)).isEqualTo("30min");
		// Transaction-local: the connection goes back to the pool without it.
		assertThat(this.transactions.global(this::timeout)).isEqualTo("5s");
	}

	@Test
	void aStatementPastTheTimeoutIsCancelledAsATimedOutException() {
		assertThatThrownBy(() -> this.transactions.global(() -> {
			this.dsl.execute("set local statement_timeout = 50");
			return this.dsl.fetchOne("select pg_sleep(2)::text").get(0, String.class);
		})).isInstanceOf(TimedOutException.class).hasMessageContaining("took longer than the 5 s");
	}

	@Test
	void aTimedOutRequestAnswers503WithRetryAfter() throws Exception {
		this.mvc
			.perform(get("/test-only/slow-query").session(new SessionCache(this.mvc).sessionOf("viewer@acme.test"))
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("was stopped; nothing was changed")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("pg_sleep"))));
	}

	private String timeout() {
		return this.dsl.fetchOne("select current_setting('statement_timeout')").get(0, String.class);
	}

}
