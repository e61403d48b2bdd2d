package app.lockstep.web.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static files and webjars are served and linked as before, while links to pages are
 * no longer candidates for a class path lookup on every render.
 */
@LockstepTest
class StaticResourcesTest {

	@LocalServerPort
	int port;

	@Autowired
	ResourceUrlProvider resourceUrlProvider;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void theAppsOwnFilesAndVersionlessWebjarsAreServedWithoutSigningIn() throws Exception {
		for (String path : new String[] { "/css/app.css", "/js/app.js", "/img/logo.svg",
				"/webjars/htmx.org/dist/htmx.min.js", "/webjars/bootstrap/css/bootstrap.min.css" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(get("/static/css/app.css").statusCode()).isNotEqualTo(200);
	}

	@Test
	void pagesLinkTheWebjarsWithTheirVersionAndTheAppsFilesAsTheyAre() throws Exception {
		String login = get("/login").body();
		assertThat(login).containsPattern("/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js")
			.containsPattern("/webjars/bootstrap/[0-9][^/\"]*/css/bootstrap\\.min\\.css")
			.contains("href=\"/css/app.css\"", "src=\"/js/app.js\"");
	}

	@Test
	void onlyTheStaticFoldersAreResourceLocationsSoPageLinksAreNeverLookedUpOnTheClassPath() {
		// and springdoc's Swagger UI, under its own prefix (see OpenApiConfiguration)
		assertThat(this.resourceUrlProvider.getHandlerMap().keySet()).containsExactlyInAnyOrder("/css/**", "/js/**",
				"/img/**", "/webjars/**", "/swagger-ui/**", "/swagger-ui/*index.html",
				"/swagger-ui/*swagger-initializer.js");
		assertThat(this.resourceUrlProvider.getForLookupPath("/orgs/acme/audit/events/42")).isNull();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
