package app.lockstep.web.shared;

import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.LockstepApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application refuses to run as a role that could read across tenants. */
class StartupRefusalTest {

	/** An Ed25519 key for tests only, so that its absence is not what stops the start. */
	private static final String AUDIT_SIGNING_KEY = "--lockstep.audit.signing-key="
			+ "MC4CAQAwBQYDK2VwBCIEIIdpPVk9ug5o75Awi7b8wTabRMswfj9weNw/X0mAuczK";

	@Test
	void itRefusesToStartAsASuperuserAndSaysWhy() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(LockstepApplication.class);
		String[] arguments = TestDatabase.get()
			.superuserSpringProperties()
			.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		assertThatThrownBy(() -> application.run(withDefaults(arguments))).rootCause()
			.hasMessageContaining("Lockstep refuses to start")
			.hasMessageContaining("superuser");
	}

	@Test
	void itRefusesToStartWithoutASecretsKeyOutsideDemoMode() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(LockstepApplication.class);
		String[] arguments = TestDatabase.get()
			.springProperties()
			.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 4);
		all[arguments.length] = "--server.port=0";
		all[arguments.length + 1] = "--lockstep.demo=false";
		all[arguments.length + 2] = "--spring.main.banner-mode=off";
		all[arguments.length + 3] = AUDIT_SIGNING_KEY;
		assertThatThrownBy(() -> application.run(all)).rootCause()
			.hasMessageContaining("refuses to start without a secrets key")
			.hasMessageContaining("LOCKSTEP_SECRETS_KEY");
	}

	private static String[] withDefaults(String[] arguments) {
		String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 5);
		all[arguments.length] = "--server.port=0";
		all[arguments.length + 1] = "--lockstep.demo=false";
		all[arguments.length + 2] = "--spring.main.banner-mode=off";
		all[arguments.length + 3] = "--lockstep.secrets.key="
				+ java.util.Base64.getEncoder().encodeToString(new byte[32]);
		all[arguments.length + 4] = AUDIT_SIGNING_KEY;
		return all;
	}

}
