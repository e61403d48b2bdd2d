package app.lockstep.web.config;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.config.DriftItem;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of the compare-environments page ({@code templates/config/compare}),
 * built here so the template only prints them. {@code drift} is the one-line summary of
 * the differences (empty when there are none).
 */
public record CompareEnvironmentsText(@Nullable String left, @Nullable String right,
		CompareEnvironments.@Nullable Comparison comparison, String drift) {

	/** Why there is no comparison. */
	public String nothing() {
		return (this.left == null || this.right == null) ? "This project needs at least two environments to compare."
				: "Pick two different environments to compare.";
	}

	/** The headline when neither side holds anything. */
	public String empty() {
		if (this.comparison != null && this.comparison.leftConfig().revision() == null
				&& this.comparison.rightConfig().revision() == null) {
			return "Neither " + this.left + " nor " + this.right + " has a config yet: there is nothing to compare.";
		}
		return this.left + " and " + this.right + " both have an empty config.";
	}

	public String headline() {
		return this.drift.isEmpty() ? this.left + " and " + this.right + " are in lockstep."
				: this.left + " ≠ " + this.right + ": " + this.drift;
	}

	/** The label of an item's checkbox. */
	public String bring(DriftItem item) {
		return "Bring " + item.area() + " " + item.key() + " from " + this.right + " into " + this.left;
	}

	public String onlyLeft() {
		return "only in " + this.left;
	}

	public String onlyRight() {
		return "only in " + this.right;
	}

	public String message() {
		return "Brought across from " + this.right;
	}

	public String bringSelected() {
		return "Bring selected into " + this.left;
	}

	public String createsRevision() {
		return "Creates a new revision of " + this.left
				+ " through the normal save: validated, in the history, in the audit log.";
	}

}
