package app.lockstep.web.window.api;

import app.lockstep.domain.window.OrganizationFreeze;

/** An organization-wide freeze as JSON; instants in ISO-8601 UTC. */
record FreezeJson(String id, String start, String end, String reason, String createdBy, String createdAt) {

	static FreezeJson of(OrganizationFreeze freeze) {
		return new FreezeJson(freeze.id().toString(), freeze.freeze().start().toString(),
				freeze.freeze().end().toString(), freeze.freeze().reason(), freeze.createdBy(),
				freeze.createdAt().toString());
	}

}
