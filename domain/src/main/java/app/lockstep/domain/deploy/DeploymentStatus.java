package app.lockstep.domain.deploy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a deployment stands. The JSON value is the lower-case name. The transitions here
 * are the only ones there are; the database enforces the same set with a trigger.
 */
public enum DeploymentStatus {

	/** Waiting for the approvals its environment's gate requires. */
	AWAITING_APPROVAL("Awaiting approval"),
	/** Approved (or needing no approval), to start at its time. */
	SCHEDULED("Scheduled"),
	/**
	 * Approved and due, but its environment's windows are closed: starts when they open.
	 */
	WAITING_FOR_WINDOW("Waiting for window"),
	/** Handed to the deploy target, which has not reported the end yet. */
	RUNNING("Running"), SUCCEEDED("Succeeded"), FAILED("Failed"), REJECTED("Rejected"), CANCELLED("Cancelled");

	private final String label;

	DeploymentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The JSON value, such as {@code waiting_for_window}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DeploymentStatus> fromValue(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equals(value)).findFirst();
	}

	public boolean isFinished() {
		return this == SUCCEEDED || this == FAILED || this == REJECTED || this == CANCELLED;
	}

	/** Approved and not started: what the scheduler picks up when due. */
	public boolean isPending() {
		return this == SCHEDULED || this == WAITING_FOR_WINDOW;
	}

	public boolean canBecome(DeploymentStatus next) {
		return switch (this) {
			case AWAITING_APPROVAL -> Set.of(SCHEDULED, WAITING_FOR_WINDOW, REJECTED, CANCELLED).contains(next);
			case SCHEDULED -> Set.of(AWAITING_APPROVAL, WAITING_FOR_WINDOW, RUNNING, FAILED, CANCELLED).contains(next);
			case WAITING_FOR_WINDOW -> Set.of(AWAITING_APPROVAL, SCHEDULED, RUNNING, FAILED, CANCELLED).contains(next);
			case RUNNING -> Set.of(SUCCEEDED, FAILED).contains(next);
			case SUCCEEDED, FAILED, REJECTED, CANCELLED -> false;
		};
	}

}
