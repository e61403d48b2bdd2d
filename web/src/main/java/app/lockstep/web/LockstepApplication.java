package app.lockstep.web;

import java.util.List;

import app.lockstep.web.audit.AuditChainsCommand;
import app.lockstep.web.audit.AuditFileVerifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;

@SpringBootApplication
@ComponentScan("app.lockstep")
public class LockstepApplication {

	public static void main(String[] args) {
		if (args.length > 0 && AuditFileVerifier.COMMAND.equals(args[0])) {
			System.exit(AuditFileVerifier.run(List.of(args).subList(1, args.length), System.out, System.err));
		}
		if (args.length > 0 && AuditChainsCommand.COMMAND.equals(args[0])) {
			System.setProperty("org.jooq.no-logo", "true");
			System.exit(AuditChainsCommand.run(List.of(args).subList(1, args.length), LockstepApplication.class,
					System.out, System.err));
		}
		System.setProperty("org.jooq.no-logo", "true");
		System.setProperty("org.jooq.no-tips", "true");
		SpringApplication.run(LockstepApplication.class, args);
	}

}
