package app.lockstep.persistence.shared;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * {@code column = any(?)} with one uuid array bound, for reading many rows by typed id in
 * one statement: a single bind value however many ids, so PostgreSQL plans it once.
 */
public final class UuidArrays {

	private UuidArrays() {
	}

	public static <T> Condition anyOf(Field<T> column, Collection<? extends T> ids, Function<T, UUID> value) {
		UUID[] values = ids.stream().map(value).distinct().toArray(UUID[]::new);
		return DSL.condition("{0} = any({1})", column, DSL.val(values, SQLDataType.UUID.array()));
	}

}
