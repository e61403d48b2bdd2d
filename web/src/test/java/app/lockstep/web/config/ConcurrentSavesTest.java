package app.lockstep.web.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.StaleConfigException;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers save from the same base at once: exactly one wins each round, no update is
 * lost.
 */
@LockstepTest
class ConcurrentSavesTest {

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	ViewConfig view;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@Test
	void exactlyOneWriterWinsEachRound() throws Exception {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		String project = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
		int writers = 6;
		int rounds = 5;
		try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
			for (int round = 0; round < rounds; round++) {
				Integer base = (round == 0) ? null : round;
				List<Callable<String>> saves = new ArrayList<>();
				for (int writer = 0; writer < writers; writer++) {
					String value = "round-" + round + "-writer-" + writer;
					saves.add(() -> {
						try {
							ConfigRevision revision = this.save.save(owner,
									new SaveConfigRevision.Command(project, "staging", base, ConfigFixtures.SPEC,
											List.of(new VariableInput("WHO", value, false, Visibility.BOTH)), value));
							return "won:" + revision.number() + ":" + value;
						}
						catch (StaleConfigException ex) {
							return "stale";
						}
					});
				}
				List<String> outcomes = new ArrayList<>();
				for (Future<String> outcome : pool.invokeAll(saves)) {
					outcomes.add(outcome.get());
				}
				List<String> winners = outcomes.stream().filter((o) -> o.startsWith("won:")).toList();
				assertThat(winners).as("round " + round).hasSize(1);
				assertThat(winners.get(0)).startsWith("won:" + (round + 1) + ":");
				String winner = winners.get(0).substring(winners.get(0).lastIndexOf(':') + 1);
				assertThat(this.view.current(owner, project, "staging").config().variables()).singleElement()
					.satisfies((variable) -> assertThat(variable.value()).isEqualTo(winner));
			}
		}
		assertThat(this.view.history(owner, project, "staging", null, 50)).hasSize(rounds);
	}

}
