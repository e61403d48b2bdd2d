package app.lockstep.web.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import app.lockstep.domain.audit.CheckpointSigner;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import com.jayway.jsonpath.JsonPath;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Checkpoints: the head of a chain signed with the configured Ed25519 key, on demand and
 * by the daily job; the public key is on the audit page; a chain rewritten after a
 * checkpoint, or a forged checkpoint, fails verification.
 */
@LockstepTest
class AuditCheckpointTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignUp signUp;

	@Autowired
	CreateProject createProject;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	CheckpointSchedule schedule;

	@TempDir
	Path directory;

	AuditFixtures.Org org;

	MockHttpSession session;

	@BeforeEach
	void anOrganizationWithFiveEvents() {
		this.org = AuditFixtures.newOrganization(this.signUp, "checkpoint");
		AuditFixtures.projects(this.createProject, this.org, 3);
		this.session = new SessionCache(this.mvc).login(this.org.email(), AuditFixtures.PASSWORD);
	}

	@Test
	void signingOnDemandStoresTheHeadWithASignatureThePublicKeyVerifies() throws Exception {
		String head = JsonPath.read(verify(), "$.headHash");
		String body = this.mvc
			.perform(post("/api/v1/orgs/{org}/audit/checkpoints", this.org.slug()).session(this.session).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.seq").value(5))
			.andExpect(jsonPath("$.hash").value(head))
			.andExpect(jsonPath("$.signedBy").value("Audit Fixture"))
			.andExpect(jsonPath("$.keyId").value(this.signer.keyId()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String message = JsonPath.read(body, "$.message");
		assertThat(message).startsWith("lockstep-audit-checkpoint:v1:" + this.org.owner().orgId() + ":5:" + head + ":");
		String publicKey = JsonPath
			.read(this.mvc.perform(get("/api/v1/orgs/{org}/audit/checkpoints", this.org.slug()).session(this.session))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.checkpoints[0].seq").value(5))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.publicKey");
		assertThat(CheckpointSigner.verify(publicKey, message, JsonPath.read(body, "$.signature"))).isTrue();
		assertThat(
				CheckpointSigner.verify(publicKey, message.replace(":5:", ":4:"), JsonPath.read(body, "$.signature")))
			.isFalse();
	}

	@Test
	void openSslVerifiesTheSignatureWithThePemShownOnThePage() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
		String body = this.mvc
			.perform(post("/api/v1/orgs/{org}/audit/checkpoints", this.org.slug()).session(this.session).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Path message = Files.writeString(this.directory.resolve("message"), JsonPath.read(body, "$.message"),
				StandardCharsets.UTF_8);
		Path signature = Files.write(this.directory.resolve("signature"),
				Base64.getDecoder().decode((String) JsonPath.read(body, "$.signature")));
		Path pem = Files.writeString(this.directory.resolve("public.pem"), this.signer.publicKeyPem());
		Process openssl = new ProcessBuilder("/usr/bin/openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
				pem.toString(), "-rawin", "-in", message.toString(), "-sigfile", signature.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.contains("Signature Verified Successfully");
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void theButtonSignsWithHtmxInPlaceAndWithoutByPostRedirectGet(boolean htmx) throws Exception {
		MockHttpServletRequestBuilder request = post("/orgs/{org}/audit/checkpoints", this.org.slug())
			.session(this.session)
			.with(csrf());
		if (htmx) {
			request.header("HX-Request", "true");
			this.mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"checkpoints\"")))
				.andExpect(content().string(containsString("Signed the head of the chain: event 5.")))
				.andExpect(content().string(not(containsString("<html"))));
		}
		else {
			this.mvc.perform(request)
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/orgs/" + this.org.slug() + "/audit#checkpoints"))
				.andExpect(flash().attribute("signed", "Signed the head of the chain: event 5."));
		}
		this.mvc.perform(get("/orgs/{org}/audit", this.org.slug()).session(this.session))
			.andExpect(content().string(containsString("Signed checkpoints")))
			.andExpect(content()
				.string(containsString(this.signer.publicKeyPem().lines().skip(1).findFirst().orElseThrow())))
			.andExpect(content().string(containsString("class=\"checkpoint\"")));
	}

	@Test
	void theDailyJobSignsEveryChain() throws Exception {
		this.schedule.signEveryChain();
		this.mvc.perform(get("/api/v1/orgs/{org}/audit/checkpoints", this.org.slug()).session(this.session))
			.andExpect(jsonPath("$.checkpoints[0].signedBy").value("daily checkpoint"))
			.andExpect(jsonPath("$.checkpoints[0].seq").value(5));
		this.mvc
			.perform(get("/api/v1/orgs/acme/audit/checkpoints")
				.session(new SessionCache(this.mvc).sessionOf("auditor@acme.test")))
			.andExpect(jsonPath("$.checkpoints[0].signedBy").value("daily checkpoint"));
	}

	@Test
	void aChainRewrittenWithEveryHashRecomputedContradictsItsCheckpoint() throws Exception {
		this.mvc
			.perform(post("/api/v1/orgs/{org}/audit/checkpoints", this.org.slug()).session(this.session).with(csrf()))
			.andExpect(status().isCreated());
		// Alter event 4 and rehash 4 and 5 so that the chain links again.
		AuditFixtures.tamper(this.org,
				"update lockstep.audit_events set details = details || '{\"name\": \"Forged\"}' "
						+ "where org_id = :org and seq = 4",
				"""
						do $$
						declare e lockstep.audit_events; previous text;
						begin
						  select hash into previous from lockstep.audit_events where org_id = :org and seq = 3;
						  for e in select * from lockstep.audit_events where org_id = :org and seq >= 4 order by seq loop
						    update lockstep.audit_events set prev_hash = previous,
						        hash = encode(sha256(convert_to(previous || lockstep.audit_event_canonical_json(e), 'UTF8')), 'hex')
						      where org_id = e.org_id and seq = e.seq returning hash into previous;
						  end loop;
						  update lockstep.audit_heads set last_hash = previous where org_id = :org;
						end $$""");
		this.mvc.perform(get("/api/v1/orgs/{org}/audit/verify", this.org.slug()).session(this.session))
			.andExpect(jsonPath("$.verified").value(false))
			.andExpect(jsonPath("$.firstBrokenSeq").value(5))
			.andExpect(jsonPath("$.reason").value(containsString("differs from what a signed checkpoint vouches for")));
	}

	@Test
	void aForgedCheckpointIsReported() throws Exception {
		DSL.using(TestDatabase.get().superuserDataSource(), SQLDialect.POSTGRES)
			.execute("insert into lockstep.audit_checkpoints (org_id, id, seq, hash, signed_at, signed_by, key_id, "
					+ "public_key, signature) values ({0}, {1}, 3, repeat('a', 64), '2031-01-01T00:00:00Z', 'forger', {2}, "
					+ "{3}, {4})", DSL.val(this.org.owner().orgId().value()), DSL.val(UUID.randomUUID()),
					DSL.val(this.signer.keyId()), DSL.val(this.signer.publicKeyBase64()),
					DSL.val(Base64.getEncoder().encodeToString(new byte[64])));
		this.mvc.perform(get("/api/v1/orgs/{org}/audit/verify", this.org.slug()).session(this.session))
			.andExpect(jsonPath("$.verified").value(false))
			.andExpect(jsonPath("$.firstBrokenSeq").value(3))
			.andExpect(jsonPath("$.reason").value(containsString("has an invalid signature")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lead@acme.test", "dev@acme.test", "viewer@acme.test" })
	void onlyThoseWhoReadTheLogSign(String email) throws Exception {
		this.mvc
			.perform(post("/api/v1/orgs/acme/audit/checkpoints").session(new SessionCache(this.mvc).sessionOf(email))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	private String verify() throws Exception {
		return this.mvc.perform(get("/api/v1/orgs/{org}/audit/verify", this.org.slug()).session(this.session))
			.andExpect(jsonPath("$.verified").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
