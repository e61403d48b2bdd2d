package app.lockstep.web.audit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.ChainVerification;
import app.lockstep.domain.audit.VerifyAuditChain;
import app.lockstep.domain.shared.OrgId;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar lockstep.jar verify-audit-chains [--spring.datasource.url=… …]}: walks
 * every organization's audit chain in the database the settings name, as the operator's
 * check after a restore or an upgrade (see ops/runbooks/backup-restore.md). Starts
 * Lockstep without its HTTP port, its scheduler or its migrations (a restored database is
 * checked as it is, never changed), prints one line per organization and exits 0 when
 * every chain verifies, 1 when one does not (or none could be started).
 */
public final class AuditChainsCommand {

	public static final String COMMAND = "verify-audit-chains";

	private AuditChainsCommand() {
	}

	public static int run(List<String> arguments, Class<?> application, PrintStream out, PrintStream err) {
		List<String> settings = new ArrayList<>(List.of("--server.port=-1", "--lockstep.scheduler.enabled=false",
				// Flyway validates what is applied but applies nothing: the database is
				// checked as it is.
				"--spring.flyway.target=current", "--spring.flyway.ignore-migration-patterns=*:pending",
				"--spring.main.banner-mode=off"));
		settings.addAll(arguments);
		SpringApplication spring = new SpringApplication(application);
		spring.setBannerMode(Banner.Mode.OFF);
		try (ConfigurableApplicationContext context = spring.run(settings.toArray(String[]::new))) {
			return report(context.getBean(VerifyAuditChain.class).verifyAll(), out);
		}
		catch (RuntimeException ex) {
			err.println("Could not check the audit chains: " + ex.getMessage());
			return 1;
		}
	}

	/** One line per organization, a summary, and the exit status. */
	static int report(Map<OrgId, ChainVerification> results, PrintStream out) {
		int broken = 0;
		long events = 0;
		for (Map.Entry<OrgId, ChainVerification> result : results.entrySet()) {
			switch (result.getValue()) {
				case ChainVerification.Verified verified -> {
					events += verified.events();
					out.println("verified " + result.getKey().value() + ": " + verified.events() + " events, head "
							+ verified.headSeq() + " " + verified.headHash());
				}
				case ChainVerification.Broken failure -> {
					broken++;
					out.println("BROKEN   " + result.getKey().value() + ": at event " + failure.firstBrokenSeq() + ": "
							+ failure.reason());
				}
			}
		}
		out.println(results.size() - broken + " of " + results.size() + " audit chains verified (" + events + " events)"
				+ ((broken > 0) ? "; " + broken + " broken" : ""));
		return (broken == 0) ? 0 : 1;
	}

}
