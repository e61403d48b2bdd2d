package app.lockstep.domain.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API token may be used for. A token never carries more than its creator's role
 * allows: each scope needs one permission of the creator.
 */
public enum Scope {

	CONFIG_READ("config:read", Permission.VIEW_PROJECTS, "Read projects, environments and their config."),

	CONFIG_WRITE("config:write", Permission.EDIT_CONFIG, "Change projects, environments and their config."),

	DEPLOYMENTS_WRITE("deployments:write", Permission.REQUEST_DEPLOYMENTS,
			"Request deployments and report their status."),

	CODE_WRITE("code:write", Permission.EDIT_PROJECTS, "Register code changes and builds (CI)."),

	AUDIT_READ("audit:read", Permission.READ_AUDIT, "Read the audit log."),

	TOKENS_WRITE("tokens:write", Permission.VIEW_PROJECTS,
			"Create, list and revoke API tokens, never beyond this token's own scopes.");

	private final String value;

	private final Permission permission;

	private final String description;

	Scope(String value, Permission permission, String description) {
		this.value = value;
		this.permission = permission;
		this.description = description;
	}

	/** The scope as clients write it, such as {@code config:read}. */
	public String value() {
		return this.value;
	}

	/** The permission the token's creator needs for a token with this scope. */
	public Permission permission() {
		return this.permission;
	}

	public String description() {
		return this.description;
	}

	public boolean allowedFor(Role role) {
		return role.allows(this.permission);
	}

	public static Optional<Scope> parse(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

	/** Every scope, as a client would list them: "config:read, config:write, ...". */
	public static String known() {
		return Arrays.stream(values()).map(Scope::value).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
