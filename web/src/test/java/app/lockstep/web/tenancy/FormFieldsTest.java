package app.lockstep.web.tenancy;

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

/**
 * Each form field is rendered once: a browser would otherwise post a second, empty value
 * under the same name (layout/form :: input once also matched the time zone's input
 * element).
 */
@LockstepTest
class FormFieldsTest {

	@Autowired
	MockMvc mvc;

	SessionCache sessions;

	@BeforeEach
	void setUp() {
		this.sessions = new SessionCache(this.mvc);
	}

	@Test
	void everyFieldOfTheSignUpFormAppearsOnce() throws Exception {
		String html = page("/signup", null);
		for (String name : new String[] { "email", "name", "password", "orgName", "orgSlug", "timeZone" }) {
			assertThat(count(html, "name=\"" + name + "\"")).as(name).isEqualTo(1);
		}
	}

	@Test
	void everyFieldOfTheMembersAndSettingsFormsAppearsOnce() throws Exception {
		MockHttpSession owner = this.sessions.sessionOf("owner@acme.test");
		assertThat(count(page("/orgs/acme/members", owner), "name=\"email\"")).isEqualTo(1);
		String settings = page("/orgs/acme/settings", owner);
		assertThat(count(settings, "name=\"name\"")).isEqualTo(1);
		assertThat(count(settings, "name=\"timeZone\"")).isEqualTo(1);
		assertThat(count(page("/orgs/new", owner), "name=\"orgName\"")).isEqualTo(1);
	}

	@Test
	void everyPasswordFieldSaysWhatItIsForToPasswordManagers() throws Exception {
		for (String path : new String[] { "/signup", "/login" }) {
			Matcher inputs = Pattern.compile("<input[^>]*type=\"password\"[^>]*>").matcher(page(path, null));
			int found = 0;
			while (inputs.find()) {
				found++;
				assertThat(inputs.group()).as(path).containsPattern("autocomplete=\"(new|current)-password\"");
			}
			assertThat(found).as(path).isPositive();
		}
	}

	private String page(String path, MockHttpSession session) throws Exception {
		var request = get(path);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private static int count(String html, String text) {
		Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(html);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
