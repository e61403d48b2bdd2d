package app.lockstep.web.ops;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI description at /v3/api-docs: OpenAPI 3.1, public, and exactly the
 * application's /api/v1 routes (every documented route exists, every route is
 * documented), each with the scope its {@code @RequiresScope} declares and its refusals
 * as problem+json.
 */
@LockstepTest
class OpenApiTest {

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private JsonNode spec;

	@BeforeEach
	void readSpec() throws Exception {
		MvcResult result = this.mvc.perform(get("/v3/api-docs")).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET /v3/api-docs without signing in").isEqualTo(200);
		this.spec = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
	}

	@Test
	void isOpenApi31WithTheBearerSchemeAndTheProblemSchema() {
		assertThat(this.spec.get("openapi").asString()).startsWith("3.1");
		JsonNode bearer = this.spec.at("/components/securitySchemes/bearerToken");
		assertThat(bearer.get("type").asString()).isEqualTo("http");
		assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.get("description").asString()).contains("config:read", "deployments:write", "audit:read");
		JsonNode problem = this.spec.at("/components/schemas/Problem");
		assertThat(problem.at("/properties/detail/type").toString()).contains("string");
		assertThat(problem.at("/properties/errors/items/properties/field").isMissingNode()).isFalse();
	}

	@Test
	void theBrowsableUiIsPublicAndServedUnderTheApplicationsContentSecurityPolicy() throws Exception {
		MvcResult page = this.mvc.perform(get("/swagger-ui/index.html")).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getHeader("Content-Security-Policy"))
			.isEqualTo(app.lockstep.web.shared.SecurityHeaders.CONTENT_SECURITY_POLICY)
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(page.getResponse().getContentAsString()).doesNotContain("<script>", "style=");
	}

	@Test
	void everyApiRouteIsDocumentedAndEveryDocumentedRouteExists() {
		Set<String> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				if (pattern.startsWith("/api/v1/")) {
					Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
					assertThat(methods).as("methods of " + pattern).isNotEmpty();
					methods.forEach((method) -> routes.add(method + " " + pattern));
				}
			}
		}
		Set<String> documented = new TreeSet<>();
		this.spec.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (HTTP_METHODS.contains(operation.getKey())) {
				documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}));
		assertThat(routes).as("the application's /api/v1 routes").hasSizeGreaterThan(40);
		assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(routes);
	}

	@Test
	void eachOperationNamesItsScopeAndItsRefusalsAsProblemJson() throws Exception {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
					JsonNode operation = this.spec.get("paths").get(pattern).get(method.name().toLowerCase());
					String route = method + " " + pattern;
					String scope = scopeOf(entry.getValue());
					if (scope == null) {
						assertThat(pattern).as(route + " declares no scope").startsWith("/api/v1/hooks/");
						assertThat(operation.get("security").size()).as(route + " is public").isZero();
					}
					else {
						assertThat(operation.at("/security/0/bearerToken").toString()).as(route)
							.isEqualTo("[\"" + scope + "\"]");
						assertThat(
								operation.at("/responses/403/content/application~1problem+json/schema/$ref").asString())
							.as(route)
							.isEqualTo("#/components/schemas/Problem");
					}
					assertThat(operation.at("/responses/404/content/application~1problem+json/schema/$ref").asString())
						.as(route)
						.isEqualTo("#/components/schemas/Problem");
					assertThat(operation.at("/responses/401").isMissingNode()).as(route).isFalse();
					for (JsonNode parameter : operation.path("parameters")) {
						assertThat(parameter.get("name").asString()).as(route + " exposes no resolved caller")
							.isNotEqualToIgnoringCase("caller");
					}
				}
			}
		}
		JsonNode put = this.spec
			.at("/paths/~1api~1v1~1orgs~1{org}~1projects~1{project}~1environments~1{environment}~1config/put");
		assertThat(put.at("/responses/412").isMissingNode()).as("a stale If-Match is documented").isFalse();
	}

	private static String scopeOf(HandlerMethod handler) {
		Method method = handler.getMethod();
		app.lockstep.web.shared.RequiresScope scope = AnnotatedElementUtils.findMergedAnnotation(method,
				app.lockstep.web.shared.RequiresScope.class);
		if (scope == null) {
			scope = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(),
					app.lockstep.web.shared.RequiresScope.class);
		}
		return (scope != null) ? scope.value().value() : null;
	}

}
