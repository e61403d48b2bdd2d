package app.lockstep.web.deploy;

import java.time.Instant;
import java.time.ZoneId;

import app.lockstep.domain.deploy.ChangeDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.shared.Validation;
import app.lockstep.web.shared.ZoneTimes;
import org.jspecify.annotations.Nullable;

/**
 * The change form of a pending deployment: artifact version, config revision and schedule
 * ({@code now} or {@code at} a wall-clock time in the environment's time zone).
 */
record ChangeForm(@Nullable String artifact, @Nullable String configRevision, @Nullable String schedule,
		@Nullable String scheduledAt) {

	static ChangeForm of(Deployment deployment, String version, ZoneTimes times) {
		return new ChangeForm(version,
				(deployment.configRevision() != null) ? String.valueOf(deployment.configRevision()) : "",
				(deployment.scheduledAt() != null) ? "at" : "now", times.local(deployment.scheduledAt()));
	}

	public boolean scheduledLater() {
		return "at".equals(this.schedule);
	}

	ChangeDeployment.Input toInput(ZoneId zone) {
		Validation validation = new Validation();
		Integer revision = RequestForm.revision(validation, this.configRevision);
		Instant at = RequestForm.schedule(validation, this.schedule, this.scheduledAt, zone);
		validation.throwIfInvalid();
		return new ChangeDeployment.Input(RequestForm.blankToNull(this.artifact), revision, true, at);
	}

}
