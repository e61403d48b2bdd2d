package app.lockstep.web.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * An AUDITOR reads and changes nothing: every mutating route of an organization, read
 * from the application's own mappings, answers 403 to one. The only exceptions are the
 * auditor's own API tokens (so an auditor can read the log from a script) and signing the
 * audit chain's head, which records evidence rather than changing anything.
 */
@LockstepTest
class AuditorChangesNothingTest {

	private static final Set<String> AUDITOR_MAY = Set.of("POST /orgs/{org}/tokens",
			"POST /orgs/{org}/tokens/{id}/revoke", "POST /api/v1/orgs/{org}/tokens",
			"DELETE /api/v1/orgs/{org}/tokens/{id}", "POST /orgs/{org}/audit/checkpoints",
			"POST /api/v1/orgs/{org}/audit/checkpoints");

	private static final Map<String, String> SAMPLE_VALUES = Map.of("org", "acme", "project", "shop", "environment",
			"production", "env", "production", "userId", "00000000-0000-0000-0000-000000000001", "id",
			"00000000-0000-0000-0000-000000000002", "number", "1", "n", "1");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@TestFactory
	Stream<DynamicTest> everyMutatingRouteRefusesAnAuditor() {
		MockHttpSession auditor = new SessionCache(this.mvc).sessionOf("auditor@acme.test");
		List<DynamicTest> tests = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/orgs/{org}") && !pattern.startsWith("/api/v1/orgs/{org}")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS
							|| AUDITOR_MAY.contains(method + " " + pattern)) {
						continue;
					}
					String path = expand(pattern);
					tests.add(DynamicTest.dynamicTest(method + " " + pattern, () -> {
						int status = this.mvc
							.perform(request(HttpMethod.valueOf(method.name()), path).session(auditor)
								.with(csrf())
								.header("If-Match", "\"r1-p0-json\"")
								.param("role", "VIEWER")
								.param("direction", "up")
								.param("source", "staging")
								.param("target", "production")
								.param("selected", "variable:X")
								.contentType(MediaType.APPLICATION_JSON)
								.content("{}"))
							.andReturn()
							.getResponse()
							.getStatus();
						assertThat(status).as(method + " " + path).isEqualTo(403);
					}));
				}
			}
		}
		assertThat(tests).as("mutating routes found").hasSizeGreaterThan(30);
		return tests.stream();
	}

	private static String expand(String pattern) {
		String path = pattern;
		for (Map.Entry<String, String> sample : SAMPLE_VALUES.entrySet()) {
			path = path.replace("{" + sample.getKey() + "}", sample.getValue());
		}
		return path.replaceAll("\\{[^}]+}", "x");
	}

}
