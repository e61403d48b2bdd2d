package app.lockstep.persistence.sso;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static app.lockstep.persistence.jooq.Tables.SSO_DOMAINS;
import static app.lockstep.persistence.jooq.Tables.SSO_PROVIDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Single sign-on providers and domains are tenant rows. A sign-in, before the
 * organization is known, may read exactly the provider its lookup names (by registration
 * id, or through a verified domain), nothing else, and write nothing; a domain is
 * verified by one organization at most.
 */
class SsoRowLevelSecurityTest {

	private static final OrgId ALPHA = OrgId.random();

	private static final OrgId BETA = OrgId.random();

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String ALPHA_SLUG = "sso-alpha-" + SUFFIX;

	private static final String BETA_SLUG = "sso-beta-" + SUFFIX;

	private static final String VERIFIED = "verified-" + SUFFIX + ".example";

	private static final String PENDING = "pending-" + SUFFIX + ".example";

	private static DSLContext app;

	@BeforeAll
	static void twoOrganizationsWithAProviderEach() {
		app = DSL.using(TestDatabase.get().appDataSource(), SQLDialect.POSTGRES);
		for (OrgId org : List.of(ALPHA, BETA)) {
			String slug = (org == ALPHA) ? ALPHA_SLUG : BETA_SLUG;
			app.transaction((tx) -> {
				DSLContext dsl = tx.dsl();
				bind(dsl, "lockstep.org_id", org.toString());
				dsl.insertInto(ORGANIZATIONS)
					.set(ORGANIZATIONS.ID, org)
					.set(ORGANIZATIONS.SLUG, slug)
					.set(ORGANIZATIONS.NAME, slug)
					.set(ORGANIZATIONS.TIME_ZONE, "UTC")
					.set(ORGANIZATIONS.CREATED_AT, Instant.EPOCH)
					.execute();
				dsl.insertInto(SSO_PROVIDERS)
					.set(SSO_PROVIDERS.ORG_ID, org)
					.set(SSO_PROVIDERS.REGISTRATION_ID, slug)
					.set(SSO_PROVIDERS.ISSUER, "https://id.example/" + slug)
					.set(SSO_PROVIDERS.CLIENT_ID, "client")
					.set(SSO_PROVIDERS.SECRET_SEALED, new byte[] { 1, 2, 3 })
					.set(SSO_PROVIDERS.SECRET_KEY_ID, "k")
					.set(SSO_PROVIDERS.UPDATED_AT, Instant.EPOCH)
					.set(SSO_PROVIDERS.UPDATED_BY, "test")
					.execute();
				domain(dsl, org, (org == ALPHA) ? VERIFIED : PENDING, org == ALPHA);
			});
		}
	}

	@Test
	void withoutABindingNothingIsVisible() {
		int visible = app
			.transactionResult((tx) -> tx.dsl().fetchCount(SSO_PROVIDERS) + tx.dsl().fetchCount(SSO_DOMAINS));
		assertThat(visible).isZero();
	}

	@Test
	void aLookupByRegistrationIdShowsExactlyThatProvider() {
		assertThat(providersSeenBy(BETA_SLUG)).containsExactly(BETA_SLUG);
		assertThat(providersSeenBy("nobody-" + SUFFIX)).isEmpty();
	}

	@Test
	void aLookupByDomainShowsTheProviderOfTheOrganizationThatVerifiedIt() {
		assertThat(providersSeenBy(VERIFIED)).containsExactly(ALPHA_SLUG);
		assertThat(providersSeenBy(PENDING)).isEmpty();
		int pendingDomains = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.sso_lookup", PENDING);
			return tx.dsl().fetchCount(SSO_DOMAINS);
		});
		assertThat(pendingDomains).isZero();
	}

	@Test
	void aLookupWritesNothing() {
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.sso_lookup", ALPHA_SLUG);
			tx.dsl().update(SSO_PROVIDERS).set(SSO_PROVIDERS.CLIENT_ID, "stolen").execute();
			domain(tx.dsl(), ALPHA, "evil-" + SUFFIX + ".example", true);
		})).hasMessageContaining("row-level security");
		String clientId = app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", ALPHA.toString());
			return tx.dsl().select(SSO_PROVIDERS.CLIENT_ID).from(SSO_PROVIDERS).fetchOne(SSO_PROVIDERS.CLIENT_ID);
		});
		assertThat(clientId).isEqualTo("client");
	}

	@Test
	void aDomainIsVerifiedByOneOrganizationAtMost() {
		assertThatThrownBy(() -> app.transaction((tx) -> {
			bind(tx.dsl(), "lockstep.org_id", BETA.toString());
			domain(tx.dsl(), BETA, VERIFIED, true);
		})).hasMessageContaining("sso_domains_verified_key");
	}

	private static List<String> providersSeenBy(String lookup) {
		return app.transactionResult((tx) -> {
			bind(tx.dsl(), "lockstep.sso_lookup", lookup);
			return tx.dsl()
				.select(SSO_PROVIDERS.REGISTRATION_ID)
				.from(SSO_PROVIDERS)
				.fetch(SSO_PROVIDERS.REGISTRATION_ID);
		});
	}

	private static void domain(DSLContext dsl, OrgId org, String domain, boolean verified) {
		dsl.insertInto(SSO_DOMAINS)
			.set(SSO_DOMAINS.ORG_ID, org)
			.set(SSO_DOMAINS.DOMAIN, domain)
			.set(SSO_DOMAINS.VERIFICATION_TOKEN, "token")
			.set(SSO_DOMAINS.ADDED_AT, Instant.EPOCH)
			.set(SSO_DOMAINS.VERIFIED_AT, verified ? Instant.EPOCH : null)
			.execute();
	}

	private static void bind(DSLContext dsl, String setting, String value) {
		dsl.select(DSL.function("set_config", String.class, DSL.val(setting), DSL.val(value), DSL.inline(true)))
			.fetch();
	}

}
