package app.lockstep.web.token;

import com.jayway.jsonpath.JsonPath;

import app.lockstep.web.project.ProjectTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Creating API tokens for tests (each test creates its own; the demo data is shared) and
 * presenting them.
 */
public final class TokenTestSupport {

	public static final String SECRET_FORMAT = "^lst_[A-Za-z0-9_-]{43}$";

	private TokenTestSupport() {
	}

	/**
	 * Creates a token through the API as this demo account's browser session and returns
	 * the JSON answer (with the secret).
	 */
	public static String create(MockMvc mvc, String email, String json) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/orgs/acme/tokens").session(ProjectTestSupport.session(mvc, email))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
		if (result.getResponse().getStatus() != 201) {
			throw new IllegalStateException("Expected 201, got " + result.getResponse().getStatus() + ": "
					+ result.getResponse().getContentAsString());
		}
		return result.getResponse().getContentAsString();
	}

	/** The secret of a token with these scopes, created by this demo account in acme. */
	public static String secret(MockMvc mvc, String email, String... scopes) throws Exception {
		return JsonPath.read(
				create(mvc, email,
						"{\"name\": \"test token\", \"scopes\": [\"" + String.join("\", \"", scopes) + "\"]}"),
				"$.token");
	}

	public static RequestPostProcessor bearer(String secret) {
		return (request) -> {
			request.addHeader("Authorization", "Bearer " + secret);
			return request;
		};
	}

}
