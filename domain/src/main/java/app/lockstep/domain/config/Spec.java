package app.lockstep.domain.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A valid infrastructure spec: applications and services by name, in the order written.
 */
public record Spec(Map<String, Application> applications, Map<String, Service> services) {

	public static final Spec EMPTY = new Spec(Map.of(), Map.of());

	public Spec {
		applications = ordered(applications);
		services = ordered(services);
	}

	static <V> Map<String, V> ordered(Map<String, V> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}
