package app.lockstep.web.project;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The release board of an organization with more projects than a page (issue 13, pages at
 * scale): 25 rows at first, "show more" appends the next ones (htmx) or opens a page of
 * its own (without), and the poll covers exactly the rows on screen.
 */
@LockstepTest
class BoardPagingTest {

	static final Pattern ROW = Pattern.compile("data-project=\"(p\\d\\d)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	String org;

	MockHttpSession owner;

	@BeforeEach
	void anOrganizationOf30Projects() {
		ProjectTestSupport.OwnOrganization own = ProjectTestSupport.organizationWithProjects(this.context, "board", 30);
		this.org = own.slug();
		this.owner = new SessionCache(this.mvc).login(own.email(), own.password());
	}

	@Test
	void theBoardShowsAPageAndShowMoreAppendsTheRest() throws Exception {
		String page = html(get("/orgs/" + this.org));
		assertThat(rows(page)).hasSize(25).startsWith("p01").endsWith("p25");
		assertThat(page).contains("Projects 1–25 of 30", "Show the next 5 projects",
				"hx-get=\"/orgs/" + this.org + "/dashboard/more?after=p25",
				"href=\"/orgs/" + this.org + "?after=p25\"");

		String more = html(
				get("/orgs/" + this.org + "/dashboard/more").param("after", "p25").header("HX-Request", "true"));
		assertThat(rows(more)).containsExactly("p26", "p27", "p28", "p29", "p30");
		assertThat(more).doesNotContain("<html", "<table")
			.containsPattern("<div id=\"board-more\"[^>]*hx-swap-oob=\"true\"")
			.contains("Projects 1–30 of 30")
			.doesNotContain("Show the next", "Back to the first projects");
		Matcher poll = Pattern.compile("<span id=\"environment-grid-live\"[^>]*>").matcher(more);
		assertThat(poll.find()).as("the poll, now over every row shown").isTrue();
		assertThat(poll.group()).contains("hx-swap-oob=\"true\"");
		Matcher url = Pattern.compile("hx-get=\"([^\"]+)\"").matcher(poll.group());
		assertThat(url.find()).isTrue();
		String grid = html(get(url.group(1).replace("&amp;", "&")).header("HX-Request", "true"));
		assertThat(rows(grid)).hasSize(30).startsWith("p01").endsWith("p30");
	}

	@Test
	void withoutHtmxShowMoreIsAPageOfItsOwn() throws Exception {
		this.mvc.perform(get("/orgs/" + this.org + "/dashboard/more").param("after", "p25").session(this.owner))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/" + this.org + "?after=p25"));
		String rest = html(get("/orgs/" + this.org).param("after", "p25"));
		assertThat(rows(rest)).containsExactly("p26", "p27", "p28", "p29", "p30");
		assertThat(rest).contains("Projects 26–30 of 30", "Back to the first projects").doesNotContain("Show the next");
	}

	@Test
	void aPageAfterAProjectThatIsGoneStartsAtTheTop() throws Exception {
		assertThat(rows(html(get("/orgs/" + this.org).param("after", "no-such-project")))).hasSize(25)
			.startsWith("p01");
	}

	private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request.session(this.owner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static java.util.List<String> rows(String html) {
		return ROW.matcher(html).results().map((m) -> m.group(1)).toList();
	}

}
