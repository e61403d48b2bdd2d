package app.lockstep.web.shared;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import org.jooq.DSLContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Only in tests: a unit of work whose statement runs past its statement timeout (lowered
 * to 50 ms inside the transaction, so the test need not wait for the real one).
 */
@RestController
class SlowQueryTestController {

	private final Transactions transactions;

	private final DSLContext dsl;

	SlowQueryTestController(Transactions transactions, DSLContext dsl) {
		this.transactions = transactions;
		this.dsl = dsl;
	}

	@GetMapping("/test-only/slow-query")
	String slow() {
		return this.transactions.inTenant(OrgId.random(), () -> {
			this.dsl.execute("set local statement_timeout = 50");
			return this.dsl.fetchOne("select pg_sleep(2)::text").get(0, String.class);
		});
	}

}
