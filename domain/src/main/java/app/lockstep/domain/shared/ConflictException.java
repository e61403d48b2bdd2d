package app.lockstep.domain.shared;

/**
 * The request clashes with the current state (a duplicate name, the last owner, a stale
 * edit).
 */
public class ConflictException extends DomainException {

	private final @org.jspecify.annotations.Nullable String field;

	public ConflictException(String message) {
		this(null, message);
	}

	public ConflictException(@org.jspecify.annotations.Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	/** The input field the conflict is about, when there is one. */
	public java.util.Optional<String> field() {
		return java.util.Optional.ofNullable(this.field);
	}

}
