package app.lockstep.web.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The shared form fragments (layout/form.html) render each field once: the selector
 * {@code layout/form :: input} also matches every {@code <input>} element of that file.
 */
@LockstepTest
class FormLayoutTest {

	@Autowired
	MockMvc mvc;

	@Test
	void everySignUpFieldIsRenderedOnce() throws Exception {
		String page = this.mvc.perform(get("/signup")).andReturn().getResponse().getContentAsString();
		for (String field : new String[] { "email", "name", "password", "orgName", "orgSlug", "timeZone" }) {
			assertThat(count(page, "name=\"" + field + "\"")).as(field).isEqualTo(1);
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
