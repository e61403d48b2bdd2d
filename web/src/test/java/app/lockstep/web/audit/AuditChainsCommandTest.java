package app.lockstep.web.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.audit.ChainVerification;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.web.LockstepApplication;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar lockstep.jar verify-audit-chains}, the operator's check after a
 * restore or an upgrade: it starts Lockstep without its port against the configured
 * database (here the test database), walks every organization's chain and exits 0 only
 * when all verify.
 */
@LockstepTest
class AuditChainsCommandTest {

	@Autowired
	ApplicationContext context;

	@Test
	void everyChainInTheDatabaseIsWalkedAndVerifies() {
		OrgId acme = DeploymentScenario.inAcme(this.context).owner().orgId();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = AuditChainsCommand.run(List.of("--lockstep.demo=true"), LockstepApplication.class,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).as(err.toString(StandardCharsets.UTF_8)).contains("verified " + acme.value() + ": ");
		assertThat(printed.lines().filter((line) -> line.startsWith("verified ")).count())
			.as("acme, globex and every organization the tests made")
			.isGreaterThanOrEqualTo(2);
		// Other tests tamper with chains of their own organizations on purpose: the
		// status follows what was found.
		if (printed.contains("BROKEN")) {
			assertThat(status).isEqualTo(1);
			assertThat(printed).containsPattern("\\d+ broken");
		}
		else {
			assertThat(status).isZero();
			assertThat(printed).containsPattern("(\\d+) of \\1 audit chains verified");
		}
	}

	/**
	 * The audit signing key rotated (ops/runbooks/key-rotation.md): instances with the
	 * new key still verify every chain; checkpoints signed by the old key are left to
	 * offline checks with its public key, not reported as broken.
	 */
	@Test
	void chainsStillVerifyAfterTheSigningKeyIsRotated() throws Exception {
		Caller owner = DeploymentScenario.inAcme(this.context).owner();
		OrgId acme = owner.orgId();
		// A checkpoint signed with the key in use before the rotation (the demo key
		// here).
		this.context.getBean(app.lockstep.domain.audit.SignCheckpoint.class).sign(owner);
		java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String newKey = java.util.Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AuditChainsCommand.run(List.of("--lockstep.demo=true", "--lockstep.audit.signing-key=" + newKey),
				LockstepApplication.class, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("verified " + acme.value() + ": ");
	}

	@Test
	void oneBrokenChainFailsTheCheckAndSaysWhere() {
		Map<OrgId, ChainVerification> results = new LinkedHashMap<>();
		results.put(OrgId.random(), new ChainVerification.Verified(3, 3, "ab".repeat(32)));
		OrgId broken = OrgId.random();
		results.put(broken, new ChainVerification.Broken(2, "Event 2 was altered."));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(AuditChainsCommand.report(results, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains("BROKEN   " + broken.value() + ": at event 2: Event 2 was altered.")
			.contains("1 of 2 audit chains verified (3 events); 1 broken");
	}

}
