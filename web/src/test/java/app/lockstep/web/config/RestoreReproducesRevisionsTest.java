package app.lockstep.web.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.RestoreConfigRevision;
import app.lockstep.domain.config.SaveConfigRevision;
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
 * Property over random histories, through the real database: restoring any revision
 * creates a new one with exactly its spec and variables (sensitive ones compared by
 * fingerprint).
 */
@LockstepTest
class RestoreReproducesRevisionsTest {

	private static final List<String> PHP = List.of("8.2", "8.3", "8.4", "8.5");

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	RestoreConfigRevision restore;

	@Autowired
	ViewConfig view;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@Test
	void restoringAnyRevisionReproducesItExactly() {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		String project = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
		Random random = new Random(20261122);
		List<ConfigRevision> saved = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			List<VariableInput> variables = new ArrayList<>();
			int count = random.nextInt(5);
			for (int v = 0; v < count; v++) {
				variables.add(new VariableInput("VAR_" + random.nextInt(6) + "_" + v, "value-" + random.nextInt(4),
						random.nextBoolean(), Visibility.values()[random.nextInt(3)]));
			}
			String spec = ConfigFixtures.SPEC.replace("php:8.3", "php:" + PHP.get(random.nextInt(PHP.size())))
					+ (random.nextBoolean() ? "# note " + random.nextInt(9) + "\n" : "");
			try {
				saved.add(this.save.save(owner,
						new SaveConfigRevision.Command(project, "staging",
								saved.isEmpty() ? null : saved.get(saved.size() - 1).number(), spec, variables,
								"random " + i)));
			}
			catch (app.lockstep.domain.shared.ValidationException ex) {
				// "nothing changed" is a legitimate refusal of an identical random draw
			}
		}
		for (int i = 0; i < 8; i++) {
			ConfigRevision original = saved.get(random.nextInt(saved.size()));
			ConfigRevision latest = this.view.history(owner, project, "staging", null, 1).get(0);
			if (latest.infrastructure().equals(original.infrastructure())
					&& latest.variableStates().equals(original.variableStates())) {
				continue;
			}
			ConfigRevision restored = this.restore.restore(owner, project, "staging", original.number(), null);
			assertThat(restored.infrastructure()).isEqualTo(original.infrastructure());
			assertThat(restored.variableStates()).isEqualTo(original.variableStates());
			assertThat(restored.restoredFrom()).isEqualTo(original.number());
		}
	}

}
