package app.lockstep.web.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.access.Role;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.tenancy.TenancyFixtures.Org;
import app.lockstep.web.tenancy.TenancyFixtures.Person;
import app.lockstep.web.testing.LockstepTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Actions that can happen once happen once, however many requests race for them: 20
 * requests sent at the same instant (from 20 threads, through the whole application, on
 * the real database) give exactly one success and exactly one audit event; the others are
 * refused as fits (409 for something no longer in that state, 404 for something gone).
 */
@LockstepTest
class OneShotActionsTest {

	private static final int RACERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	ResolveMembership resolveMembership;

	TenancyFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new TenancyFixtures(this.mvc, this.resolveMembership);
	}

	@Test
	void aTokenRevokedByTwentyRequestsAtOnceIsRevokedOnce() throws Exception {
		Org org = this.fixtures.newOrg();
		String created = this.mvc
			.perform(post("/api/v1/orgs/" + org.slug() + "/tokens").session(org.owner().session())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"raced\", \"scopes\": [\"config:read\"]}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");

		Map<Integer, Long> statuses = race(
				() -> delete("/api/v1/orgs/" + org.slug() + "/tokens/" + id).session(org.owner().session())
					.with(csrf()));

		assertThat(statuses).containsEntry(204, 1L).containsEntry(409, (long) RACERS - 1).hasSize(2);
		assertThat(events("token.revoked", id)).isEqualTo(1);
	}

	@Test
	void anInvitationWithdrawnByTwentyRequestsAtOnceIsWithdrawnOnce() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();
		this.fixtures.invite(org, email, Role.DEVELOPER);
		String id = this.fixtures.invitationId(org, email);

		Map<Integer, Long> statuses = race(
				() -> post(org.members() + "/invitations/" + id + "/revoke").session(org.owner().session())
					.with(csrf()));

		assertThat(statuses).containsEntry(302, 1L).containsEntry(409, (long) RACERS - 1).hasSize(2);
		assertThat(events("invitation.revoked", id)).isEqualTo(1);
	}

	@Test
	void aMemberRemovedByTwentyRequestsAtOnceIsRemovedOnce() throws Exception {
		Org org = this.fixtures.newOrg();
		Person member = this.fixtures.join(org, Role.DEVELOPER);

		Map<Integer, Long> statuses = race(
				() -> post(org.members() + "/" + member.id() + "/remove").session(org.owner().session()).with(csrf()));

		assertThat(statuses).containsEntry(302, 1L).containsEntry(404, (long) RACERS - 1).hasSize(2);
		assertThat(events("member.removed", member.id().toString())).isEqualTo(1);
		assertThat(this.fixtures.roleOf(org.slug(), member.id())).isEmpty();
	}

	@Test
	void aRoleChangedByTwentyRequestsAtOnceIsChangedOnce() throws Exception {
		Org org = this.fixtures.newOrg();
		Person member = this.fixtures.join(org, Role.DEVELOPER);

		Map<Integer, Long> statuses = race(() -> post(org.members() + "/" + member.id() + "/role").param("role", "LEAD")
			.session(org.owner().session())
			.with(csrf()));

		// Each request succeeds (the member is a lead), and the change is recorded once.
		assertThat(statuses).containsEntry(302, (long) RACERS).hasSize(1);
		assertThat(events("member.role_changed", member.id().toString())).isEqualTo(1);
		assertThat(this.fixtures.roleOf(org.slug(), member.id())).contains(Role.LEAD);
	}

	@Test
	void aProjectDeletedByTwentyRequestsAtOnceIsDeletedOnce() throws Exception {
		Org org = this.fixtures.newOrg();
		this.mvc
			.perform(post("/api/v1/orgs/" + org.slug() + "/projects").session(org.owner().session())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\": \"doomed\", \"name\": \"Doomed\"}"))
			.andReturn();

		Map<Integer, Long> statuses = race(
				() -> delete("/api/v1/orgs/" + org.slug() + "/projects/doomed").session(org.owner().session())
					.with(csrf()));

		assertThat(statuses).containsEntry(204, 1L).containsEntry(404, (long) RACERS - 1).hasSize(2);
		assertThat(eventsInOrg(org.slug(), "project.deleted")).isEqualTo(1);
	}

	@Test
	void oneAddressHasAtMostOnePendingInvitationEvenWhenInvitedTwentyTimesAtOnce() throws Exception {
		Org org = this.fixtures.newOrg();
		String email = TenancyFixtures.newEmail();

		Map<Integer, Long> statuses = race(() -> post(org.members() + "/invitations").session(org.owner().session())
			.param("email", email)
			.param("role", "VIEWER")
			.with(csrf()));

		assertThat(statuses).containsEntry(200, 1L).containsEntry(422, (long) RACERS - 1).hasSize(2);
		assertThat(eventsInOrg(org.slug(), "invitation.created")).isEqualTo(1);

		// Once withdrawn, the address may be invited again.
		String id = this.fixtures.invitationId(org, email);
		this.mvc
			.perform(post(org.members() + "/invitations/" + id + "/revoke").session(org.owner().session()).with(csrf()))
			.andReturn();
		this.fixtures.invite(org, email, Role.LEAD);
		assertThat(eventsInOrg(org.slug(), "invitation.created")).isEqualTo(2);
	}

	/**
	 * Sends the request from {@link #RACERS} threads released at once; how many answers
	 * had each status.
	 */
	private Map<Integer, Long> race(Callable<RequestBuilder> request) throws Exception {
		CyclicBarrier start = new CyclicBarrier(RACERS);
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(RACERS)) {
			for (int i = 0; i < RACERS; i++) {
				RequestBuilder builder = request.call();
				answers.add(pool.submit(() -> {
					start.await();
					return this.mvc.perform(builder).andReturn().getResponse().getStatus();
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
	}

	/** How many audit events of this action name this target (read behind the app). */
	private static long events(String action, String targetId) throws Exception {
		return count("select count(*) from lockstep.audit_events where action = ? and target_id = ?", action, targetId);
	}

	private static long eventsInOrg(String slug, String action) throws Exception {
		return count("select count(*) from lockstep.audit_events e join lockstep.organizations o on o.id = e.org_id "
				+ "where o.slug = ? and e.action = ?", slug, action);
	}

	private static long count(String sql, String first, String second) throws Exception {
		try (Connection connection = TestDatabase.get().superuserDataSource().getConnection();
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, first);
			query.setString(2, second);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

}
