package app.lockstep.persistence.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Field;
import org.jooq.Record;

/**
 * The update half of an upsert whose row is mapped once ({@code toRecord}): the record's
 * values but for the columns the update leaves alone (the key, what never changes).
 */
public final class Rows {

	private Rows() {
	}

	public static Map<Field<?>, Object> changedExcept(Record record, List<? extends Field<?>> kept) {
		Map<Field<?>, Object> values = new LinkedHashMap<>();
		for (Field<?> field : record.fields()) {
			if (record.changed(field) && !kept.contains(field)) {
				values.put(field, record.get(field));
			}
		}
		return values;
	}

}
