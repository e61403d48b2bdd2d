package app.lockstep.web.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The spec's pages beyond the editor's form: live validation, download, import (Upsun and
 * Platform.sh), the schema and registry the editor completes from, and bringing a change
 * across as an edit that a diff shows alone.
 */
@LockstepTest
class SpecPagesTest {

	/** Real Platform.sh files (domain test resources; sources in SOURCES.md there). */
	private static final Path PLATFORMSH = Path
		.of("../domain/src/test/resources/upsun-corpus/platformsh/templates-nextjs-drupal");

	@Autowired
	MockMvc mvc;

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	String project;

	String base;

	Caller owner;

	MockHttpSession developer;

	@BeforeEach
	void freshProject() {
		this.owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.project = ConfigFixtures.project(this.createProject, this.createEnvironment, this.owner);
		this.base = "/orgs/acme/projects/" + this.project + "/environments/staging/config";
		this.developer = new SessionCache(this.mvc).sessionOf("dev@acme.test");
	}

	@Test
	void validationAnswersEachProblemWithItsLineAndColumnAndSavesNothing() throws Exception {
		this.mvc
			.perform(post(this.base + "/validate").session(this.developer)
				.with(csrf())
				.param("infrastructure", "applications:\n  app:\n    type: php:8.3\n    relationsihps: {}\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].column").value(5))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("did you mean \"relationships\"?")))
			.andExpect(jsonPath("$.warnings[0].line").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value(containsString("PHP 8.3 is deprecated")));
		this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(content().string(containsString("No revisions yet")));
		this.mvc.perform(post(this.base + "/validate").session(this.developer).param("infrastructure", "x: 1"))
			.andExpect(status().isForbidden());
		MockHttpSession globex = new SessionCache(this.mvc).sessionOf("owner@globex.test");
		this.mvc.perform(post(this.base + "/validate").session(globex).with(csrf()).param("infrastructure", "x: 1"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRevisionDownloadsAsTheUpsunFileAndWarningsAreShownAfterASave() throws Exception {
		this.mvc
			.perform(post(this.base).session(this.developer)
				.with(csrf())
				.param("infrastructure", ConfigFixtures.SPEC)
				.param("baseRevision", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flash", containsString("1 warning: Line 3: PHP 8.3 is deprecated on Upsun")));
		this.mvc.perform(get(this.base).session(this.developer))
			.andExpect(content().string(allOf(containsString("id=\"spec-warnings\""),
					containsString("PHP 8.3 is deprecated on Upsun"), containsString("/revisions/1/config.yaml"))));
		MockHttpSession viewer = new SessionCache(this.mvc).sessionOf("viewer@acme.test");
		this.mvc.perform(get(this.base + "/revisions/1/config.yaml").session(viewer))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"config.yaml\""))
			.andExpect(content().contentType("application/yaml;charset=UTF-8"))
			.andExpect(content().string(ConfigFixtures.SPEC));
	}

	@Test
	void aPlatformShLayoutImportsAsOneFileWithAPreviewAndNothingSaved() throws Exception {
		String app = Files.readString(PLATFORMSH.resolve("api/.platform.app.yaml"), StandardCharsets.UTF_8);
		String client = Files.readString(PLATFORMSH.resolve("client/.platform.app.yaml"), StandardCharsets.UTF_8);
		String services = Files.readString(PLATFORMSH.resolve(".platform/services.yaml"), StandardCharsets.UTF_8);
		MvcResult preview = this.mvc
			.perform(multipart(this.base + "/import").file(upload("files[0].upload", app))
				.file(upload("files[2].upload", services))
				.param("files[0].path", "api/.platform.app.yaml")
				.param("files[1].path", "client/.platform.app.yaml")
				.param("files[1].text", client)
				.param("files[2].path", ".platform/services.yaml")
				.param("files[3].path", ".platform/routes.yaml")
				.session(this.developer)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Converted from Platform.sh"),
					containsString("Application &quot;drupal&quot;: added source.root: api"),
					containsString("is retired on Upsun"), containsString("id=\"open-in-editor\""))))
			.andReturn();
		String html = preview.getResponse().getContentAsString();
		assertThat(html).contains("  drupal:", "  nextjs:", "services:");
		this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(content().string(containsString("No revisions yet")));
		this.mvc
			.perform(post(this.base).session(this.developer)
				.with(csrf())
				.param("action", "review")
				.param("infrastructure", "applications:\n  app:\n    type: php:8.5\n"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("    type: php:8.5")));
	}

	@Test
	void anUpsunFileIsImportedAsItIsAndEmptyOrForbiddenImportsAreRefused() throws Exception {
		this.mvc
			.perform(multipart(this.base + "/import").param("upsun", "applications:\n  app:\n    type: nodejs:24\n")
				.session(this.developer)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("It is valid"), not(containsString("Converted from")))));
		this.mvc.perform(multipart(this.base + "/import").session(this.developer).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Paste or upload a .upsun/config.yaml")));
		MockHttpSession viewer = new SessionCache(this.mvc).sessionOf("viewer@acme.test");
		this.mvc.perform(get(this.base + "/import").session(viewer)).andExpect(status().isForbidden());
	}

	@Test
	void theEditorCompletesFromTheSchemaAndRegistryTheServerValidatesWith() throws Exception {
		this.mvc.perform(get("/schemas/upsun-config.schema.json").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.$id").value("https://lockstep.app/schemas/upsun-config.schema.json"))
			.andExpect(jsonPath("$.$defs.application.properties.relationships").exists());
		this.mvc.perform(get("/schemas/upsun-registry.json").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.runtimes[?(@.name == 'php')].supported[0]").value("8.5"));
	}

	@Test
	void bringingAServiceAcrossChangesItsLineAloneAndShowsTheDiff() throws Exception {
		String staging = """
				# The shop
				applications:
				  app:
				    type: php:8.4   # bumped with the framework
				    relationships:
				      database: "db:mysql"
				services:
				  db:
				    type: mariadb:11.8
				""";
		String production = staging.replace("mariadb:11.8", "mariadb:11.4")
			.replace("# The shop", "# The shop, in production\n# (hand-written comments stay)");
		this.save.save(this.owner,
				new SaveConfigRevision.Command(this.project, "staging", null, staging, List.of(), "staging"));
		this.save.save(this.owner,
				new SaveConfigRevision.Command(this.project, "production", null, production, List.of(), "production"));
		String compare = "/orgs/acme/projects/" + this.project + "/compare";
		String target = "/orgs/acme/projects/" + this.project + "/environments/production/config";
		this.mvc
			.perform(post(compare + "/bring-across").session(this.developer)
				.with(csrf())
				.param("source", "staging")
				.param("target", "production")
				.param("selected", "service:db"))
			.andExpect(redirectedUrl(target + "/diff?from=1&to=2"));
		this.mvc.perform(get(target + "/diff").param("from", "1").param("to", "2").session(this.developer))
			.andExpect(content().string(allOf(containsString("mariadb 11.4 → 11.8"), containsString("diff-REMOVED"),
					containsString("type: mariadb:11.4"))));
		this.mvc.perform(get(target + "/revisions/2/config.yaml").session(this.developer))
			.andExpect(content().string(production.replace("mariadb:11.4", "mariadb:11.8")));
	}

	private static MockMultipartFile upload(String field, String text) {
		return new MockMultipartFile(field, ".platform.app.yaml", "application/yaml",
				text.getBytes(StandardCharsets.UTF_8));
	}

}
