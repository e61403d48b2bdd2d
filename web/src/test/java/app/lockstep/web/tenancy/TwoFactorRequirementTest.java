package app.lockstep.web.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.tenancy.TenancyFixtures.Org;
import app.lockstep.web.tenancy.TenancyFixtures.Person;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.SessionCache;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organization that requires two-factor authentication: only its owners switch the
 * requirement (audited); members without two-factor are led to set it up before any of
 * its pages opens, and open them once they have; API tokens keep working.
 */
@LockstepTest
class TwoFactorRequirementTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ResolveMembership resolveMembership;

	TenancyFixtures fixtures;

	TwoFactorFixtures twoFactor;

	@BeforeEach
	void setUp() {
		this.clock.pin(Instant.parse("2026-12-04T09:00:00Z"));
		this.fixtures = new TenancyFixtures(this.mvc, this.resolveMembership);
		this.twoFactor = new TwoFactorFixtures(this.mvc, this.clock);
	}

	@AfterEach
	void releaseClock() throws Exception {
		this.clock.release();
		// The demo organization other tests share never keeps the requirement.
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement update = connection.prepareStatement(
						"update lockstep.organizations set require_two_factor = false where slug = 'acme' and require_two_factor")) {
			update.executeUpdate();
		}
	}

	@Test
	void membersWithoutTwoFactorAreLedToSetItUpAndTokensKeepWorking() throws Exception {
		Org org = this.fixtures.newOrg();
		Person member = this.fixtures.join(org, Role.DEVELOPER);
		String token = token(org, member);
		this.twoFactor.enable(org.owner());

		this.mvc
			.perform(post(org.settings() + "/two-factor").session(org.owner().session())
				.param("required", "true")
				.with(csrf()))
			.andExpect(redirectedUrl(org.settings()));
		this.mvc.perform(get(org.settings()).session(org.owner().session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"two-factor-required\""),
					containsString("Stop requiring two-factor authentication"))));
		assertThat(events(org.slug(), "organization.two_factor_policy_changed")).isEqualTo(1);

		String setup = "/account/security/setup?org=" + org.slug();
		this.mvc.perform(get("/orgs/" + org.slug()).session(member.session())).andExpect(redirectedUrl(setup));
		this.mvc.perform(get(org.settings()).session(member.session())).andExpect(redirectedUrl(setup));
		this.mvc.perform(get("/orgs/" + org.slug()).session(member.session()).header("HX-Request", "true"))
			.andExpect(header().string("HX-Redirect", setup));
		this.mvc.perform(get("/api/v1/orgs/" + org.slug() + "/projects").session(member.session()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/orgs/" + org.slug() + "/projects").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());
		this.mvc.perform(get(setup).session(member.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"required-by\""), containsString(org.slug()))));
		// Their own organization does not require it.
		this.mvc.perform(get("/account/security").session(member.session())).andExpect(status().isOk());

		this.twoFactor.enable(member);
		this.mvc.perform(get("/orgs/" + org.slug()).session(member.session())).andExpect(status().isOk());

		this.mvc
			.perform(post(org.settings() + "/two-factor").session(org.owner().session())
				.param("required", "false")
				.with(csrf()))
			.andExpect(redirectedUrl(org.settings()));
		assertThat(events(org.slug(), "organization.two_factor_policy_changed")).isEqualTo(2);
	}

	@Test
	void anOwnerWithoutTwoFactorIsLedToSetItUpToo() throws Exception {
		Org org = this.fixtures.newOrg();
		this.mvc
			.perform(post(org.settings() + "/two-factor").session(org.owner().session())
				.param("required", "true")
				.with(csrf()))
			.andExpect(redirectedUrl(org.settings()));
		this.mvc.perform(get(org.settings()).session(org.owner().session()))
			.andExpect(redirectedUrl("/account/security/setup?org=" + org.slug()));
		this.twoFactor.enable(org.owner());
		this.mvc.perform(get(org.settings()).session(org.owner().session())).andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "lead@acme.test", "dev@acme.test", "viewer@acme.test", "auditor@acme.test" })
	void onlyOwnersChangeTheRequirement(String email) throws Exception {
		this.mvc
			.perform(post("/orgs/acme/settings/two-factor").session(new SessionCache(this.mvc).sessionOf(email))
				.param("required", "true")
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/orgs/acme/settings").session(new SessionCache(this.mvc).sessionOf(email)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"two-factor-optional\"")));
	}

	@Test
	void anAdminMayNotChangeItEitherAndNoFormWithoutItsCsrfToken() throws Exception {
		Org org = this.fixtures.newOrg();
		Person admin = this.fixtures.join(org, Role.ADMIN);
		this.mvc.perform(
				post(org.settings() + "/two-factor").session(admin.session()).param("required", "true").with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(org.settings() + "/two-factor").session(org.owner().session()).param("required", "true"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(org.settings()).session(org.owner().session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"two-factor-optional\"")));
		assertThat(events(org.slug(), "organization.two_factor_policy_changed")).isZero();
	}

	private String token(Org org, Person member) throws Exception {
		String json = this.mvc
			.perform(post("/api/v1/orgs/" + org.slug() + "/tokens").session(member.session())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"ci\", \"scopes\": [\"config:read\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.token");
	}

	private static long events(String slug, String action) throws Exception {
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection
					.prepareStatement("select count(*) from lockstep.audit_events e join lockstep.organizations o "
							+ "on o.id = e.org_id where o.slug = ? and e.action = ?")) {
			query.setString(1, slug);
			query.setString(2, action);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
