package app.lockstep.domain.config;

/**
 * An environment variable of a config. {@link #toString()} never shows a sensitive value.
 */
public record Variable(String name, String value, boolean sensitive, Visibility visibility) {

	@Override
	public String toString() {
		return "Variable[name=" + this.name + ", value=" + (this.sensitive ? "(sensitive)" : this.value)
				+ ", sensitive=" + this.sensitive + ", visibility=" + this.visibility + "]";
	}

}
