package app.lockstep.web.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page is the one layout (layout/page.html) around its own title and main: no page
 * writes its head, navigation or footer itself, and each rendered page has each of them
 * exactly once.
 */
@LockstepTest
class PageLayoutTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final String LAYOUT = "th:replace=\"~{layout/page :: page(~{::title}, ~{::main})}\"";

	@Autowired
	MockMvc mvc;

	@Test
	void everyPageTemplateIsTheLayoutAroundItsTitleAndMain() throws IOException {
		List<Path> pages = pageTemplates();
		assertThat(pages).hasSizeGreaterThan(35);
		for (Path page : pages) {
			String html = Files.readString(page);
			assertThat(html).as(page.toString()).contains(LAYOUT);
			assertThat(count(html, "<title")).as(page.toString()).isEqualTo(1);
			assertThat(html).as(page.toString())
				.doesNotContain("class=\"navbar", "<footer", "<link rel=\"stylesheet\"", "<meta",
						"layout/base :: head");
		}
	}

	@Test
	void aRenderedPageHasOneHeadNavigationMainAndFooter() throws Exception {
		MockHttpSession owner = ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
		for (String path : new String[] { "/orgs/acme", "/orgs/acme/approvals", "/orgs/acme/audit" }) {
			String html = this.mvc.perform(get(path).session(owner)).andReturn().getResponse().getContentAsString();
			assertThat(html).as(path).startsWith("<!DOCTYPE html>");
			for (String part : new String[] { "<head>", "<title>", "<meta name=\"_csrf\"", "class=\"skip-link\"",
					"aria-label=\"Main\"", "<main id=\"main\"", "class=\"app-footer" }) {
				assertThat(count(html, part)).as(path + " " + part).isEqualTo(1);
			}
		}
		String login = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(count(login, "<main id=\"main\"")).isEqualTo(1);
		assertThat(count(login, "class=\"app-footer")).isEqualTo(1);
	}

	private static List<Path> pageTemplates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html"))
				.filter((file) -> !file.startsWith(TEMPLATES.resolve("layout")))
				.filter((file) -> !file.toString().contains("/fragments/"))
				.filter(PageLayoutTest::isPage)
				.toList();
		}
	}

	private static boolean isPage(Path file) {
		try {
			return Files.readString(file).contains("<html");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int count(String text, String needle) {
		Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
