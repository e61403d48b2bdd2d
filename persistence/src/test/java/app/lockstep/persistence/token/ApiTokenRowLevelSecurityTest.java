package app.lockstep.persistence.token;

import java.time.Instant;
import app.lockstep.domain.shared.UserId;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.jooq.Tables.API_TOKENS;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API tokens are tenant rows like any other, and authentication may read exactly the one
 * token whose hash it presents, nothing else, and write nothing with that binding alone.
 */
class ApiTokenRowLevelSecurityTest {

	private static final OrgId ALPHA = OrgId.random();

	private static final OrgId BETA = OrgId.random();

	private static final String ALPHA_HASH = "alpha-" + UUID.randomUUID();

	private static final String BETA_HASH = "beta-" + UUID.randomUUID();

	private static final UUID ALPHA_TOKEN = UUID.randomUUID();

	private static DSLContext app;

	@BeforeAll
	static void twoOrganizationsWithATokenEach() {
		app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		UUID user = UUID.randomUUID();
		app.transaction((tx) -> tx.dsl()
			.insertInto(USERS)
			.set(USERS.ID, new UserId(user))
			.set(USERS.EMAIL, "tokens-" + user + "@example.test")
			.set(USERS.NAME, "Token Maker")
			.set(USERS.PASSWORD_HASH, "x")
			.set(USERS.CREATED_AT, Instant.EPOCH)
			.execute());
		for (OrgId org : List.of(ALPHA, BETA)) {
			app.transaction((tx) -> {
				DSLContext dsl = tx.dsl();
				bind(dsl, "lockstep.org_id", org.toString());
				dsl.insertInto(ORGANIZATIONS)
					.set(ORGANIZATIONS.ID, org)
					.set(ORGANIZATIONS.SLUG, "tok-" + org.value().toString().substring(0, 8))
					.set(ORGANIZATIONS.NAME, "Tokens " + org)
					.set(ORGANIZATIONS.TIME_ZONE, "UTC")
					.set(ORGANIZATIONS.CREATED_AT, Instant.EPOCH)
					.execute();
				dsl.insertInto(API_TOKENS)
					.set(API_TOKENS.ORG_ID, org)
					.set(API_TOKENS.ID, (org == ALPHA) ? ALPHA_TOKEN : UUID.randomUUID())
					.set(API_TOKENS.NAME, "ci")
					.set(API_TOKENS.TOKEN_HASH, (org == ALPHA) ? ALPHA_HASH : BETA_HASH)
					.set(API_TOKENS.PREFIX, "lst_abcdefgh")
					.set(API_TOKENS.SCOPES, new String[] { "config:read" })
					.set(API_TOKENS.CREATED_BY, new UserId(user))
					.set(API_TOKENS.CREATED_AT, Instant.EPOCH)
					.execute();
			});
		}
	}

	@Test
	void withoutABindingNoTokenIsVisible() {
		int visible = app.transactionResult((tx) -> tx.dsl().fetchCount(API_TOKENS));
		assertThat(visible).isZero();
	}

	@Test
	void theTokenBindingShowsExactlyThatToken() {
		List<String> seen = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.api_token", ALPHA_HASH);
			return tx.dsl().select(API_TOKENS.TOKEN_HASH).from(API_TOKENS).fetch(API_TOKENS.TOKEN_HASH);
		});
		assertThat(seen).containsExactly(ALPHA_HASH);
	}

	@Test
	void theTokenBindingAloneWritesNothing() {
		Integer updated = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.api_token", ALPHA_HASH);
			return tx.dsl()
				.update(API_TOKENS)
				.set(API_TOKENS.REVOKED_AT, Instant.EPOCH)
				.where(API_TOKENS.ID.eq(ALPHA_TOKEN))
				.execute();
		});
		assertThat(updated).isZero();
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.api_token", "forged");
			tx.dsl()
				.insertInto(API_TOKENS)
				.set(API_TOKENS.ORG_ID, ALPHA)
				.set(API_TOKENS.ID, UUID.randomUUID())
				.set(API_TOKENS.NAME, "forged")
				.set(API_TOKENS.TOKEN_HASH, "forged")
				.set(API_TOKENS.PREFIX, "lst_forged00")
				.set(API_TOKENS.SCOPES, new String[] { "config:write" })
				.set(API_TOKENS.CREATED_BY, new UserId(UUID.randomUUID()))
				.set(API_TOKENS.CREATED_AT, Instant.EPOCH)
				.execute();
		})).hasMessageContaining("row-level security");
	}

	@Test
	void anOrganizationBindingShowsOnlyItsOwnTokens() {
		List<String> seen = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", BETA.toString());
			return tx.dsl().select(API_TOKENS.TOKEN_HASH).from(API_TOKENS).fetch(API_TOKENS.TOKEN_HASH);
		});
		assertThat(seen).containsExactly(BETA_HASH);
	}

	@Test
	void unknownScopesAreRefusedByTheSchema() {
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", ALPHA.toString());
			tx.dsl()
				.update(API_TOKENS)
				.set(API_TOKENS.SCOPES, new String[] { "config:read", "root" })
				.where(API_TOKENS.ID.eq(ALPHA_TOKEN))
				.execute();
		})).hasMessageContaining("api_tokens_scopes");
	}

	private static void bind(DSLContext dsl, String setting, String value) {
		dsl.select(DSL.function("set_config", String.class, DSL.val(setting), DSL.val(value), DSL.inline(true)))
			.fetch();
	}

}
