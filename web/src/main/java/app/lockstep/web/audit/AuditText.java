package app.lockstep.web.audit;

/**
 * The sentences of the audit log's results ({@code templates/audit/fragments/results}),
 * built here so the template only prints them.
 *
 * @param filtered whether filters narrow the log
 * @param firstPage whether the page shows the newest events
 * @param invalid whether a filter was refused
 */
record AuditText(boolean filtered, boolean firstPage, boolean invalid) {

	public String listed() {
		return this.filtered ? "Events matching the filters, newest first." : "All events, newest first.";
	}

	/** What the downloads hold. */
	public String downloads() {
		return this.filtered ? "these events" : "the whole chain";
	}

	public String emptyHeading() {
		return this.invalid ? "Check the filters" : "No events here";
	}

	public String emptyNote() {
		if (this.filtered) {
			return "No event matches these filters.";
		}
		return this.firstPage ? "Changes to members, projects and environments will appear here as they happen."
				: "You reached the beginning of the log.";
	}

}
