package app.lockstep.web.audit;

import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Verifying the chain over the API and on the page: an untouched chain verifies, and rows
 * altered, deleted or reordered behind the application's back (as a superuser, with the
 * append-only trigger off) are reported at their exact sequence number.
 */
@LockstepTest
class AuditVerifyTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignUp signUp;

	@Autowired
	CreateProject createProject;

	@Test
	void anUntouchedChainVerifiesToItsHead() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		this.mvc.perform(get("/api/v1/orgs/{org}/audit/verify", org.slug()).session(login(org)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verified").value(true))
			.andExpect(jsonPath("$.events").value(7))
			.andExpect(jsonPath("$.headSeq").value(7))
			.andExpect(jsonPath("$.headHash").value(hasLength(64)))
			.andExpect(jsonPath("$.firstBrokenSeq").doesNotExist());
	}

	@Test
	void anAlteredEventIsReportedAtItsSequenceNumber() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		AuditFixtures.tamper(org, "update lockstep.audit_events set details = details || '{\"name\": \"Forged\"}' "
				+ "where org_id = :org and seq = 4");
		expectBroken(org, 4, "Event 4 was altered");
	}

	@Test
	void anEventWhoseActorWasRewrittenIsReportedToo() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		AuditFixtures.tamper(org,
				"update lockstep.audit_events set actor_name = 'Someone Else' where org_id = :org and seq = 6");
		expectBroken(org, 6, "Event 6 was altered");
	}

	@Test
	void aDeletedEventIsReportedAtItsSequenceNumber() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		AuditFixtures.tamper(org, "delete from lockstep.audit_events where org_id = :org and seq = 3");
		expectBroken(org, 3, "Event 3 is missing");
	}

	@Test
	void deletingTheNewestEventsIsReportedAgainstTheHead() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		AuditFixtures.tamper(org, "delete from lockstep.audit_events where org_id = :org and seq >= 6");
		expectBroken(org, 6, "the chain ends at 5 but its head records 7");
	}

	@Test
	void twoReorderedEventsAreReportedAtTheFirstOfThem() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		AuditFixtures.tamper(org, "update lockstep.audit_events set seq = 1000005 where org_id = :org and seq = 5",
				"update lockstep.audit_events set seq = 5 where org_id = :org and seq = 6",
				"update lockstep.audit_events set seq = 6 where org_id = :org and seq = 1000005");
		expectBroken(org, 5, "Event 5 does not link to event 4");
	}

	@Test
	void anEventRewrittenTogetherWithItsHashBreaksTheNextLink() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		AuditFixtures.tamper(org, """
				update lockstep.audit_events e
				   set details = e.details || '{"name": "Forged"}'
				 where e.org_id = :org and e.seq = 2""",
				"""
						update lockstep.audit_events e
						   set hash = encode(sha256(convert_to(e.prev_hash || lockstep.audit_event_canonical_json(e), 'UTF8')), 'hex')
						 where e.org_id = :org and e.seq = 2""");
		expectBroken(org, 3, "Event 3 does not link to event 2");
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void thePageShowsTheResultAsAFragmentWithHtmxAndAsAPageWithout(boolean htmx) throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		var request = get("/orgs/{org}/audit/verify", org.slug()).session(login(org));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The chain is intact.")))
			.andExpect(content().string(containsString("7 events link from the genesis to the head")))
			.andExpect(content().string(htmx ? not(containsString("<html")) : containsString("<html")));
		AuditFixtures.tamper(org, "delete from lockstep.audit_events where org_id = :org and seq = 2");
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The chain is broken at event")))
			.andExpect(content().string(containsString("Event 2 is missing")));
	}

	@Test
	void theAuditPageOffersTheButton() throws Exception {
		AuditFixtures.Org org = organizationWithSevenEvents();
		this.mvc.perform(get("/orgs/{org}/audit", org.slug()).session(login(org)))
			.andExpect(content().string(containsString("Verify the chain")))
			.andExpect(content().string(containsString("hx-get=\"/orgs/" + org.slug() + "/audit/verify\"")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lead@acme.test", "dev@acme.test", "viewer@acme.test" })
	void onlyThoseWhoReadTheLogMayVerifyIt(String email) throws Exception {
		this.mvc.perform(get("/api/v1/orgs/acme/audit/verify").session(new SessionCache(this.mvc).sessionOf(email)))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAuditorVerifiesTheDemoChain() throws Exception {
		this.mvc
			.perform(get("/api/v1/orgs/acme/audit/verify")
				.session(new SessionCache(this.mvc).sessionOf("auditor@acme.test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verified").value(true));
	}

	private void expectBroken(AuditFixtures.Org org, long seq, String reason) throws Exception {
		this.mvc.perform(get("/api/v1/orgs/{org}/audit/verify", org.slug()).session(login(org)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verified").value(false))
			.andExpect(jsonPath("$.firstBrokenSeq").value(seq))
			.andExpect(jsonPath("$.reason").value(containsString(reason)));
	}

	private AuditFixtures.Org organizationWithSevenEvents() {
		AuditFixtures.Org org = AuditFixtures.newOrganization(this.signUp, "verify");
		AuditFixtures.projects(this.createProject, org, 5);
		return org;
	}

	private MockHttpSession login(AuditFixtures.Org org) {
		return new SessionCache(this.mvc).login(org.email(), AuditFixtures.PASSWORD);
	}

}
