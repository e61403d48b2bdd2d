package app.lockstep.web.shared;

import app.lockstep.domain.shared.NotFoundException;

/**
 * Thrown for any organization the caller is not a member of, existing or not: the same
 * 404 either way.
 */
public class OrgNotFoundException extends NotFoundException {

	public OrgNotFoundException() {
		super("No such organization.");
	}

}
