package app.lockstep.web.shared;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Rules for every JSON body the API reads, whatever its route: a list or map may not hold
 * {@code null} items (refused with the item's path, where a controller would otherwise
 * trip over it), no text may contain a NUL character (422 with the field's path, see
 * {@link NulCharacters}), and a body that cannot be read is explained: where the JSON is
 * broken, or which field has the wrong type or a number out of range.
 */
@ControllerAdvice
class JsonBodies extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		NulCharacters.find(body).ifPresent((field) -> {
			throw new ValidationException(field, NulCharacters.MESSAGE);
		});
		return body;
	}

	/** Why a body could not be read, as a 400 (or 413) with the field where known. */
	static Refusal unreadable(HttpMessageNotReadableException failure) {
		Refusal known = Failures.refusal(failure).orElse(null);
		if (known != null) {
			return known;
		}
		JacksonException json = Failures.find(failure, JacksonException.class);
		if (json == null) {
			return new Refusal(400, "The request needs a JSON body (Content-Type: application/json).");
		}
		String field = path(json.getPath());
		String message = message(json);
		return field.isEmpty() ? new Refusal(400, message) : Refusal.field(400, field, message);
	}

	private static String message(JacksonException json) {
		if (json instanceof InvalidNullException) {
			return "Leave out null items: this list or map takes values only.";
		}
		if (json instanceof StreamConstraintsException) {
			return "The JSON is nested too deeply, or a number or text in it is too long.";
		}
		if (json instanceof InputCoercionException coercion) {
			return "The number is out of range" + range(coercion.getTargetType()) + ".";
		}
		if (json instanceof MismatchedInputException mismatch && !json.getPath().isEmpty()) {
			return "Expected " + kind(mismatch.getTargetType()) + " here.";
		}
		if (json instanceof StreamReadException) {
			TokenStreamLocation at = json.getLocation();
			return "The body is not valid JSON" + ((at != null && at.getLineNr() > 0)
					? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "") + ".";
		}
		return "The body does not have the shape this address expects.";
	}

	private static String range(@Nullable Class<?> target) {
		if (target == int.class || target == Integer.class) {
			return ": use a whole number from -2147483648 to 2147483647";
		}
		if (target == long.class || target == Long.class) {
			return ": use a whole number that fits in 64 bits";
		}
		return "";
	}

	private static String kind(@Nullable Class<?> target) {
		if (target == null) {
			return "another kind of value";
		}
		if (target == String.class) {
			return "a text";
		}
		if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
			return "a whole number";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(target)) {
			return "a number";
		}
		if (List.class.isAssignableFrom(target) || target.isArray()) {
			return "a list";
		}
		if (target.isEnum()) {
			return "one of the allowed words";
		}
		if (Map.class.isAssignableFrom(target) || target.isRecord()) {
			return "an object";
		}
		return "another kind of value";
	}

	static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			else if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName().replace("\0", "\\u0000"));
			}
		}
		return path.toString();
	}

}
