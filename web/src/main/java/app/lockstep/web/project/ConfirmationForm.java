package app.lockstep.web.project;

import org.jspecify.annotations.Nullable;

/** A delete form: the name or slug typed to confirm. */
record ConfirmationForm(@Nullable String confirmation) {

	String typed() {
		return (this.confirmation != null) ? this.confirmation : "";
	}

}
