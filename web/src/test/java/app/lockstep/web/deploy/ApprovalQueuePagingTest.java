package app.lockstep.web.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.deploy.CancelDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The approval queue a page at a time (issue 13, pages at scale): 20 requests, oldest
 * first, and "show more" appending the next ones (htmx) or opening them as a page.
 */
@LockstepTest
class ApprovalQueuePagingTest extends ScenarioTestBase {

	static final String QUEUE = "/orgs/acme/approvals";

	static final Pattern CARD = Pattern.compile("id=\"request-([0-9a-f-]{36})\"");

	static final Pattern NEXT = Pattern
		.compile("id=\"queue-show-more\"\\s+href=\"/orgs/acme/approvals\\?after=([0-9a-f-]{36})\"");

	@Autowired
	CancelDeployment cancel;

	DeploymentScenario project;

	List<Deployment> requests = new ArrayList<>();

	@BeforeEach
	void twentyFiveRequestsWaiting() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		this.project = scenario().liveRelease("paged");
		for (int i = 1; i <= 25; i++) {
			this.requests.add(this.project.requestRelease(DEVELOPER, "Paged " + i));
		}
	}

	/** Other tests read the same queue: it is left as it was. */
	@AfterEach
	void cancelThem() {
		for (Deployment request : this.requests) {
			this.cancel.cancel(this.project.caller(DEVELOPER), this.project.slug(), "production", request.id(), null);
		}
	}

	@Test
	void aPageHoldsTwentyAndShowMoreAppendsTheNext() throws Exception {
		String first = html(get(QUEUE));
		List<String> onFirst = cards(first);
		assertThat(onFirst).hasSizeLessThanOrEqualTo(ApprovalQueueController.PAGE);
		assertThat(first).containsPattern("Requests 1–20 of \\d+");
		Matcher next = NEXT.matcher(first);
		assertThat(next.find()).as("show more").isTrue();
		assertThat(next.group(1)).isEqualTo(onFirst.getLast());

		String more = html(get(QUEUE + "/more").param("after", next.group(1))
			.param("shownFrom", "1")
			.header("HX-Request", "true"));
		assertThat(more).doesNotContain("<html", "id=\"queue-cards\"")
			.contains("id=\"queue-more\"", "hx-swap-oob=\"true\"")
			.containsPattern("Requests 1–\\d+ of \\d+");
		assertThat(cards(more)).isNotEmpty().doesNotContainAnyElementsOf(onFirst);
	}

	@Test
	void everyRequestIsOnExactlyOnePage() throws Exception {
		Set<String> seen = new LinkedHashSet<>();
		String after = null;
		do {
			String page = html((after == null) ? get(QUEUE) : get(QUEUE).param("after", after));
			List<String> onPage = cards(page);
			assertThat(onPage).hasSizeLessThanOrEqualTo(ApprovalQueueController.PAGE);
			onPage.forEach((id) -> assertThat(seen.add(id)).as("shown once: " + id).isTrue());
			Matcher next = NEXT.matcher(page);
			after = next.find() ? next.group(1) : null;
		}
		while (after != null);
		assertThat(seen).containsAll(this.requests.stream().map((d) -> d.id().toString()).toList());
		List<String> mine = seen.stream()
			.filter(this.requests.stream().map((d) -> d.id().toString()).toList()::contains)
			.toList();
		assertThat(mine).as("oldest first")
			.containsExactlyElementsOf(this.requests.stream().map((d) -> d.id().toString()).toList());
	}

	@Test
	void withoutHtmxShowMoreIsTheQueueFromThere() throws Exception {
		String after = this.requests.get(3).id().toString();
		this.mvc.perform(get(QUEUE + "/more").param("after", after).session(as(LEAD)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(QUEUE + "?after=" + after));
		String page = html(get(QUEUE).param("after", after));
		assertThat(cards(page)).startsWith(this.requests.get(4).id().toString());
		assertThat(page).contains("Back to the oldest requests");
		assertThat(cards(html(get(QUEUE).param("from", after)))).as("a link to one request starts at it")
			.startsWith(after);
		assertThat(cards(html(get(QUEUE).param("after", "not-a-request")))).as("an unknown start is the top")
			.isEqualTo(cards(html(get(QUEUE))));
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.session(as(LEAD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> cards(String html) {
		return CARD.matcher(html).results().map((m) -> m.group(1)).distinct().toList();
	}

}
