package app.lockstep.domain.code;

import app.lockstep.domain.shared.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Who the audit log names for a code change or an artifact: the API token when the
 * request came with one (CI), otherwise the signed-in member; the webhook for pushes.
 */
final class CodeActors {

	private CodeActors() {
	}

	static Actor webhook(Forge forge, @Nullable String ip) {
		return new Actor(Actor.Type.WEBHOOK, null, forge.value() + " push", ip);
	}

}
