package app.lockstep.web.code;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.code.Forge;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public URLs of a project's push webhooks, absolute, built from the current request
 * (behind a proxy, as server.forward-headers-strategy lets it see the outside address).
 */
public final class HookUrls {

	public static final String PATH = "/api/v1/hooks/{forge}/{hookId}";

	private HookUrls() {
	}

	public static String of(Forge forge, String hookId) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path(PATH)
			.buildAndExpand(forge.value(), hookId)
			.toUriString();
	}

	/** {@code {"github": <url>, "gitlab": <url>}}. */
	public static Map<String, String> all(String hookId) {
		Map<String, String> urls = new LinkedHashMap<>();
		for (Forge forge : Forge.values()) {
			urls.put(forge.value(), of(forge, hookId));
		}
		return urls;
	}

}
