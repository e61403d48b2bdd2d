package app.lockstep.web.testing;

import app.lockstep.web.project.ProjectTestSupport;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the {@link LockstepTest}s that build {@link DeploymentScenario}s: the shared
 * application's MockMvc, its clock (released after every test, whatever the test pinned)
 * and the demo people's sessions.
 */
public abstract class ScenarioTestBase {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected ApplicationContext context;

	/** A new scenario in acme. */
	protected DeploymentScenario scenario() {
		return DeploymentScenario.inAcme(this.context);
	}

	/** The demo person's session (one login per account for the whole test JVM). */
	protected MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

}
