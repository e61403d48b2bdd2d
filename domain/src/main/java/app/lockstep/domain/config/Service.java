package app.lockstep.domain.config;

import org.jspecify.annotations.Nullable;

/**
 * A service of an infrastructure spec; the disk size in MB as written, such as "1024".
 */
public record Service(String name, String engine, String version, @Nullable String disk) {

	/** The type as written in a spec, such as "postgresql:16". */
	public String type() {
		return this.engine + ":" + this.version;
	}

}
