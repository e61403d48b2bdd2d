package app.lockstep.web.code.api;

import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.code.Commit;
import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.Push;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.web.shared.NulCharacters;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads GitHub's and GitLab's push payloads (of branches and tags): the ref, the commit
 * it points at afterwards, who pushed, and each commit's id, message, timestamp, url and
 * author name. Values longer than Lockstep keeps are cut (git data is never refused for
 * its length); a body that is not such JSON, or whose texts hold a NUL character (which
 * PostgreSQL cannot store), is refused with what is wrong.
 */
@Component
class PushPayloads {

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * GitHub: {@code ref}, {@code pusher.name}, {@code commits[]}; a {@code delete} event
	 * ({@code ref} the short name, {@code ref_type} branch or tag) is the push that
	 * deletes that ref.
	 */
	Push github(byte[] body) {
		JsonNode root = read(body);
		String refType = text(root.path("ref_type"));
		String ref = text(root.path("ref"));
		if (refType != null && ref != null && root.path("after").isMissingNode()) {
			refuseNul("ref", ref);
			String full = ("tag".equals(refType) ? "refs/tags/" : "refs/heads/") + ref.strip();
			return new Push(full, "0".repeat(40), text(root.path("sender").path("login")), List.of());
		}
		return push(root, text(root.path("pusher").path("name")));
	}

	/** GitLab: {@code ref}, {@code user_name}, {@code commits[]}. */
	Push gitlab(byte[] body) {
		JsonNode root = read(body);
		String pusher = text(root.path("user_name"));
		return push(root, (pusher != null) ? pusher : text(root.path("user_username")));
	}

	private JsonNode read(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ValidationException("body",
					"The payload is not JSON; set the webhook's content type to application/json.");
		}
		if (root == null || !root.isObject()) {
			throw new ValidationException("body",
					"The payload is not a JSON object; set the webhook's content type to application/json.");
		}
		return root;
	}

	private static Push push(JsonNode root, @Nullable String pusher) {
		String ref = text(root.path("ref"));
		if (ref == null || ref.isBlank()) {
			throw new ValidationException("ref", "The push names no ref (such as refs/heads/main).");
		}
		JsonNode commits = root.path("commits");
		if (!commits.isMissingNode() && !commits.isNull() && !commits.isArray()) {
			throw new ValidationException("commits", "commits must be a list.");
		}
		refuseNul("ref", ref);
		refuseNul("pusher", pusher);
		List<CommitInput> inputs = new ArrayList<>();
		int index = 0;
		for (JsonNode commit : commits) {
			for (String field : List.of("id", "message", "timestamp", "url")) {
				refuseNul("commits[" + index + "]." + field, text(commit.path(field)));
			}
			refuseNul("commits[" + index + "].author.name", text(commit.path("author").path("name")));
			refuseNul("commits[" + index + "].author.username", text(commit.path("author").path("username")));
			index++;
			JsonNode author = commit.path("author");
			String name = text(author.path("name"));
			String url = text(commit.path("url"));
			inputs.add(new CommitInput(text(commit.path("id")), null,
					Commit.clip((name != null) ? name : text(author.path("username")), Commit.MAX_AUTHOR),
					Commit.clip(text(commit.path("message")), Commit.MAX_MESSAGE), text(commit.path("timestamp")),
					(url != null && url.length() <= Commit.MAX_URL) ? url : null));
		}
		String after = text(root.path("after"));
		refuseNul("after", after);
		return new Push(ref.strip(), after, pusher, inputs);
	}

	/**
	 * PostgreSQL cannot store a NUL character: such a push is refused, the field named.
	 */
	private static void refuseNul(String field, @Nullable String value) {
		if (NulCharacters.in(value)) {
			throw new ValidationException(field, NulCharacters.MESSAGE);
		}
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.stringValue() : null;
	}

}
