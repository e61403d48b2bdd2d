package app.lockstep.domain.code;

/**
 * Reads a forge's push payload (JSON, read by the web layer). Throws
 * {@link app.lockstep.domain.shared.ValidationException} when it cannot.
 */
@FunctionalInterface
public interface PushParser {

	Push parse(byte[] body);

}
