package app.lockstep.domain.shared;

/**
 * A validation problem tied to the input field (or line) where the user typed the bad
 * value.
 */
public record FieldError(String field, String message) {
}
