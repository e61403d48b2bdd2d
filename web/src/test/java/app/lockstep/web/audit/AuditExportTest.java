package app.lockstep.web.audit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.web.shared.Download;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exports stream the filtered events with their hashes; a JSON Lines export of a whole
 * chain verifies offline, with the README's recipe and with
 * {@code java -jar lockstep.jar verify-audit}, and tampering with the file is caught.
 */
@LockstepTest
class AuditExportTest {

	private static final String SECRET = "s3cr3t-export-value";

	@Autowired
	MockMvc mvc;

	@Autowired
	SignUp signUp;

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision saveConfigRevision;

	@TempDir
	Path directory;

	AuditFixtures.Org org;

	MockHttpSession session;

	/** 2 + 1 project + 1 environment + 2 config saves = 6 events, with awkward text. */
	@BeforeEach
	void anOrganizationWithASecretInItsConfig() {
		this.org = AuditFixtures.newOrganization(this.signUp, "export");
		this.createProject.create(this.org.owner(), new ProjectInput("shop", "Café ☕ \"Shop\", \\ 😀",
				"https://git.example.com/shop", "line one\nline two"));
		this.createEnvironment.create(this.org.owner(), "shop",
				new EnvironmentInput("production", "PRODUCTION", null, null, null));
		for (int revision = 0; revision < 2; revision++) {
			String value = (revision == 0) ? SECRET : SECRET + "-rotated";
			this.saveConfigRevision.save(this.org.owner(),
					new SaveConfigRevision.Command("shop", "production", (revision == 0) ? null : revision, "",
							List.of(new VariableInput("DB_PASSWORD", value, true, Visibility.RUNTIME)),
							"=cmd|' /C calc'!A0"));
		}
		this.session = new SessionCache(this.mvc).login(this.org.email(), AuditFixtures.PASSWORD);
	}

	@Test
	void aJsonLinesExportOfTheWholeChainVerifiesOfflineAndNeverHoldsASecret() throws Exception {
		MockHttpServletResponse response = export("/api/v1/orgs/{org}/audit/export", "jsonl");
		assertThat(response.getContentType()).startsWith("application/jsonl");
		assertThat(response.getHeader("Content-Disposition"))
			.startsWith("attachment; filename=\"" + this.org.slug() + "-audit-");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).doesNotContain(SECRET).contains("DB_PASSWORD", "Café ☕");
		List<String> lines = body.lines().toList();
		assertThat(lines).hasSize(6);
		assertThat(lines.get(0)).startsWith("{\"action\":\"organization.created\"").contains("\"seq\":1,");

		AuditFileVerifier.Result result = AuditFileVerifier.verify(new BufferedReader(new StringReader(body)));
		assertThat(result.ok()).as(result.message()).isTrue();
		assertThat(result.message()).contains("OK: 6 events", "from the genesis to event 6");
	}

	@Test
	void theCommandLineVerifierReportsTamperingWithTheFileAtTheEvent() throws Exception {
		String body = export("/api/v1/orgs/{org}/audit/export", "jsonl").getContentAsString(StandardCharsets.UTF_8);
		Path intact = write("intact.jsonl", body);
		assertThat(cli(intact.toString())).startsWith("0 OK: 6 events of organization " + this.org.owner().orgId());

		List<String> lines = new ArrayList<>(body.lines().toList());
		lines.set(3, lines.get(3).replace("\"production\"", "\"staging\""));
		assertThat(cli(write("altered.jsonl", String.join("\n", lines)).toString()))
			.startsWith("1 BROKEN at event 4: Event 4 was altered");

		lines = new ArrayList<>(body.lines().toList());
		lines.remove(2);
		assertThat(cli(write("deleted.jsonl", String.join("\n", lines)).toString()))
			.startsWith("1 BROKEN at event 3: Event 3 is missing");

		lines = new ArrayList<>(body.lines().toList());
		lines.add(1, lines.remove(2));
		assertThat(cli(write("reordered.jsonl", String.join("\n", lines)).toString()))
			.startsWith("1 BROKEN at event 2");

		assertThat(cli(write("garbage.jsonl", body.lines().findFirst().orElseThrow() + "\nnot json\n").toString()))
			.startsWith("1 BROKEN at line 2: not a JSON object");
		assertThat(cli(this.directory.resolve("missing.jsonl").toString())).startsWith("1 No such file");
		assertThat(cli()).startsWith("1 Usage: java -jar lockstep.jar verify-audit");
	}

	@Test
	void aFilteredExportIsCheckedFromItsFirstEventAndItsGapsAreReported() throws Exception {
		String configOnly = this.mvc
			.perform(get("/api/v1/orgs/{org}/audit/export", this.org.slug()).param("action", "config")
				.session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(configOnly.lines()).hasSize(2);
		AuditFileVerifier.Result tail = AuditFileVerifier.verify(new BufferedReader(new StringReader(configOnly)));
		assertThat(tail.ok()).as(tail.message()).isTrue();
		assertThat(tail.message()).contains("from event 5 (the file does not start at the genesis");

		String gappy = this.mvc
			.perform(get("/api/v1/orgs/{org}/audit/export", this.org.slug()).param("action", "project.created")
				.param("q", "")
				.session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8) + configOnly;
		AuditFileVerifier.Result result = AuditFileVerifier.verify(new BufferedReader(new StringReader(gappy)));
		assertThat(result.message()).startsWith("BROKEN at event 4: Event 4 is missing");
	}

	/** The export streams with COPY, whose query carries the filters as literals. */
	@Test
	void freeTextWithQuotesAndBackslashesIsMatchedLiterally() throws Exception {
		assertThat(exportWith("q", "calc'!A0")).hasSize(2);
		assertThat(exportWith("q", "x') or true or ('")).isEmpty();
		assertThat(exportWith("q", "\\' or 1=1 --")).isEmpty();
		assertThat(exportWith("actor", "o'brien")).isEmpty();
		assertThat(exportWith("q", "%")).isEmpty();
	}

	private List<String> exportWith(String filter, String value) throws Exception {
		return this.mvc
			.perform(get("/api/v1/orgs/{org}/audit/export", this.org.slug()).param(filter, value).session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.toList();
	}

	@Test
	void theReadmeRecipeVerifiesARealExport() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) || onPath("python3"),
				"python3 is not installed");
		String readme = Files.readString(Path.of("..", "README.md"));
		String block = readme.substring(readme.indexOf("<!-- audit-recipe:start -->"),
				readme.indexOf("<!-- audit-recipe:end -->"));
		String script = block.substring(block.indexOf("```python\n") + 10, block.lastIndexOf("```"));
		Path recipe = write("verify_audit.py", script);
		String body = export("/api/v1/orgs/{org}/audit/export", "jsonl").getContentAsString(StandardCharsets.UTF_8);
		Path file = write("export.jsonl", body);
		Process ok = new ProcessBuilder("python3", recipe.toString(), file.toString()).redirectErrorStream(true)
			.start();
		assertThat(ok.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String okOutput = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(ok.exitValue()).as(okOutput).isZero();
		assertThat(okOutput).startsWith("verified 6 events, head ");

		Path altered = write("altered.jsonl", body.replace("Café", "Cafe"));
		Process broken = new ProcessBuilder("python3", recipe.toString(), altered.toString()).redirectErrorStream(true)
			.start();
		assertThat(broken.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(broken.exitValue()).isNotZero();
		assertThat(new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.contains("broken at event 3");
	}

	@Test
	void csvHasAHeaderOneRowPerEventNoSecretAndDefusedFormulas() throws Exception {
		MockHttpServletResponse response = export("/api/v1/orgs/{org}/audit/export", "csv");
		assertThat(response.getContentType()).startsWith("text/csv");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith(AuditExport.CSV_HEADER + "\r\n").doesNotContain(SECRET);
		assertThat(body.split("\r\n")).hasSize(7);
		assertThat(Download.csvCell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(Download.csvCell("-1")).isEqualTo("-1");
		assertThat(Download.csvCell("a \"b\", c")).isEqualTo("\"a \"\"b\"\", c\"");
		assertThat(Download.csvCell(null)).isEmpty();
	}

	@Test
	void theBrowserDownloadsTheSameFiles() throws Exception {
		String api = export("/api/v1/orgs/{org}/audit/export", "jsonl").getContentAsString(StandardCharsets.UTF_8);
		String page = export("/orgs/{org}/audit/export", "jsonl").getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).isEqualTo(api);
		assertThat(export("/orgs/{org}/audit/export", "csv").getContentType()).startsWith("text/csv");
	}

	@Test
	void anUnknownFormatOrBadFilterIsRefusedBeforeAnythingIsWritten() throws Exception {
		this.mvc
			.perform(get("/api/v1/orgs/{org}/audit/export", this.org.slug()).param("format", "xml")
				.session(this.session))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("format"))
			.andExpect(jsonPath("$.detail").value("format must be jsonl or csv, not \"xml\"."));
		this.mvc
			.perform(get("/api/v1/orgs/{org}/audit/export", this.org.slug()).param("from", "2031-02-30")
				.session(this.session))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		this.mvc
			.perform(get("/api/v1/orgs/acme/audit/export")
				.session(new SessionCache(this.mvc).sessionOf("dev@acme.test")))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Content-Disposition"));
		this.mvc.perform(get("/orgs/{org}/audit/export", this.org.slug()).param("format", "pdf").session(this.session))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("format must be jsonl or csv")));
	}

	private MockHttpServletResponse export(String path, String format) throws Exception {
		return this.mvc.perform(get(path, this.org.slug()).param("format", format).session(this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

	/** Runs the command-line verifier; answers its exit status and what it printed. */
	private static String cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = AuditFileVerifier.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return status + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
	}

	private static boolean onPath(String command) {
		try {
			return new ProcessBuilder("which", command).start().waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

}
