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
 * Every route under an organization answers 404 to a member of another organization,
 * whatever the method. The routes are read from the application's own mappings, so a
 * route added later without the check fails here.
 */
@LockstepTest
class TenantIsolationTest {

	private static final Map<String, String> SAMPLE_VALUES = Map.of("org", "acme", "project", "shop", "env",
			"production", "userId", "00000000-0000-0000-0000-000000000001", "id",
			"00000000-0000-0000-0000-000000000002", "n", "1", "token", "x");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@TestFactory
	Stream<DynamicTest> aMemberOfAnotherOrganizationGets404OnEveryTenantRoute() {
		MockHttpSession outsider = new SessionCache(this.mvc).sessionOf("owner@globex.test");
		List<DynamicTest> tests = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/orgs/{org}") && !pattern.startsWith("/api/v1/orgs/{org}")) {
					continue;
				}
				Set<RequestMethod> tried = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
				for (RequestMethod method : tried) {
					String path = expand(pattern);
					tests.add(DynamicTest.dynamicTest(method + " " + pattern, () -> {
						int status = this.mvc
							.perform(request(HttpMethod.valueOf(method.name()), path).session(outsider)
								.with(csrf())
								.contentType(MediaType.APPLICATION_JSON)
								.content("{}"))
							.andReturn()
							.getResponse()
							.getStatus();
						assertThat(status).as(method + " " + path).isEqualTo(404);
					}));
				}
			}
		}
		assertThat(tests).as("tenant routes found").hasSizeGreaterThanOrEqualTo(50);
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
