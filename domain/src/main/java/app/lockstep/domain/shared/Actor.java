package app.lockstep.domain.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who did something, as the audit trail records it: a person, a token, a webhook or the
 * system.
 */
public record Actor(Type type, @Nullable String id, String name, @Nullable String ip) {

	public enum Type {

		USER, TOKEN, WEBHOOK, SYSTEM

	}

	public static Actor user(UserId id, String name, @Nullable String ip) {
		return new Actor(Type.USER, id.toString(), name, ip);
	}

	public static Actor system(String name) {
		return new Actor(Type.SYSTEM, null, name, null);
	}

}
