package app.lockstep.web;

import org.springframework.boot.SpringApplication;

/**
 * Lockstep on a throwaway PostgreSQL 17 container (needs a Docker engine):
 * {@code ./mvnw -pl web -am spring-boot:test-run} (add
 * {@code -Dspring-boot.run.arguments=--lockstep.demo=true} for the demo data). Without
 * Docker, {@code spring-boot:run} keeps using the embedded PostgreSQL.
 */
public final class TestLockstepApplication {

	/** Tells the tests' own database set-up (TestDatabaseEnvironment) to stand aside. */
	public static final String CONTAINER = "lockstep.local-container";

	private TestLockstepApplication() {
	}

	public static void main(String[] args) {
		LocalPostgresContainer.useTheRoles();
		SpringApplication.from(LockstepApplication::main).with(LocalPostgresContainer.class).run(args);
	}

}
