package app.lockstep.web.shared;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.access.Scope;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scope rules on their own, for any endpoint a later feature adds: a token needs the
 * declared scope, an endpoint that declares none refuses tokens, and a limited token sees
 * only its project or environment. Browser sessions are not concerned.
 */
class ApiScopeInterceptorTest {

	private final ApiScopeInterceptor interceptor = new ApiScopeInterceptor();

	static class Endpoints {

		@RequiresScope(Scope.CONFIG_READ)
		void read() {
		}

		@RequiresScope(Scope.CONFIG_WRITE)
		void write() {
		}

		@RequiresScope(value = Scope.CONFIG_READ, handlesTokenLimits = true)
		void filteredList() {
		}

		void undeclared() {
		}

	}

	@RequiresScope(Scope.AUDIT_READ)
	static class AuditEndpoints {

		void events() {
		}

	}

	@Test
	void aBrowserSessionIsNotConcerned() {
		assertThat(allowed(null, "undeclared", Map.of())).isTrue();
		assertThat(allowed(null, "write", Map.of())).isTrue();
	}

	@Test
	void aTokenNeedsTheDeclaredScope() {
		ApiToken reader = token(List.of(Scope.CONFIG_READ), null, null);
		assertThat(allowed(reader, "read", Map.of())).isTrue();
		assertThatThrownBy(() -> allowed(reader, "write", Map.of())).isInstanceOf(ForbiddenException.class)
			.hasMessage("This token lacks the scope config:write");
	}

	@Test
	void anEndpointThatDeclaresNoScopeRefusesEveryToken() {
		ApiToken everything = token(List.of(Scope.values()), null, null);
		assertThatThrownBy(() -> allowed(everything, "undeclared", Map.of())).isInstanceOf(ForbiddenException.class)
			.hasMessage("This endpoint does not accept API tokens.");
	}

	@Test
	void theScopeMayBeDeclaredOnTheClass() throws Exception {
		HandlerMethod events = new HandlerMethod(new AuditEndpoints(),
				AuditEndpoints.class.getDeclaredMethod("events"));
		assertThat(this.interceptor.preHandle(request(token(List.of(Scope.AUDIT_READ), null, null), Map.of()),
				new MockHttpServletResponse(), events))
			.isTrue();
		assertThatThrownBy(
				() -> this.interceptor.preHandle(request(token(List.of(Scope.CONFIG_READ), null, null), Map.of()),
						new MockHttpServletResponse(), events))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aTokenLimitedToAProjectFindsNoOtherProject() {
		ApiToken shop = token(List.of(Scope.CONFIG_READ, Scope.CONFIG_WRITE), "shop", null);
		assertThat(allowed(shop, "read", Map.of("org", "acme", "project", "shop"))).isTrue();
		assertThat(allowed(shop, "read", Map.of("org", "acme", "project", "shop", "env", "production"))).isTrue();
		assertThatThrownBy(() -> allowed(shop, "read", Map.of("org", "acme", "project", "api")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> allowed(shop, "write", Map.of("org", "acme"))).isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("limited to shop");
		assertThat(allowed(shop, "filteredList", Map.of("org", "acme"))).isTrue();
	}

	@Test
	void aTokenLimitedToAnEnvironmentFindsNoOtherEnvironment() {
		ApiToken staging = token(List.of(Scope.CONFIG_READ, Scope.CONFIG_WRITE), "shop", "staging");
		assertThat(allowed(staging, "write", Map.of("project", "shop", "env", "staging"))).isTrue();
		assertThat(allowed(staging, "write", Map.of("project", "shop", "environment", "staging"))).isTrue();
		assertThatThrownBy(() -> allowed(staging, "read", Map.of("project", "shop", "env", "production")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> allowed(staging, "read", Map.of("project", "api", "env", "staging")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> allowed(staging, "write", Map.of("project", "shop")))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("limited to shop/staging");
		assertThat(allowed(staging, "filteredList", Map.of("project", "shop"))).isTrue();
	}

	private boolean allowed(ApiToken token, String method, Map<String, String> variables) {
		try {
			Method target = Endpoints.class.getDeclaredMethod(method);
			return this.interceptor.preHandle(request(token, variables), new MockHttpServletResponse(),
					new HandlerMethod(new Endpoints(), target));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MockHttpServletRequest request(ApiToken token, Map<String, String> variables) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orgs/acme/anything");
		if (token != null) {
			request.setAttribute(RequestToken.ATTRIBUTE, token);
		}
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
		return request;
	}

	private static ApiToken token(List<Scope> scopes, String project, String environment) {
		return new ApiToken(OrgId.random(), UUID.randomUUID(), "test", "lst_abcdefgh", scopes, project, environment,
				UserId.random(), "Someone", Instant.EPOCH, null, null, null);
	}

}
