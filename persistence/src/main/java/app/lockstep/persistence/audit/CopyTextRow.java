package app.lockstep.persistence.audit;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One row of PostgreSQL's {@code COPY ... TO STDOUT} text format: columns separated by
 * tabs, the row ended by a newline, {@code \N} for null, and a backslash before
 * {@code \ b f n r t v} (the only escapes the server writes).
 */
final class CopyTextRow {

	private CopyTextRow() {
	}

	/** The row's columns, decoded from UTF-8; null where the column is null. */
	static @Nullable String[] split(byte[] row, int columns) {
		@Nullable String[] values = new String[columns];
		int end = row.length;
		if (end > 0 && row[end - 1] == '\n') {
			end--;
		}
		int start = 0;
		for (int column = 0; column < columns; column++) {
			int stop = start;
			boolean escaped = false;
			while (stop < end && row[stop] != '\t') {
				if (row[stop] == '\\') {
					escaped = true;
					stop++;
				}
				stop++;
			}
			if (column < columns - 1 && stop >= end) {
				throw new IllegalStateException("A COPY row has fewer than " + columns + " columns");
			}
			values[column] = decode(row, start, Math.min(stop, end), escaped);
			start = stop + 1;
		}
		return values;
	}

	private static @Nullable String decode(byte[] row, int start, int end, boolean escaped) {
		if (!escaped) {
			return new String(row, start, end - start, StandardCharsets.UTF_8);
		}
		if (end - start == 2 && row[start + 1] == 'N') {
			return null;
		}
		byte[] plain = new byte[end - start];
		int length = 0;
		for (int i = start; i < end; i++) {
			byte b = row[i];
			if (b == '\\' && i + 1 < end) {
				b = switch (row[++i]) {
					case 'b' -> '\b';
					case 'f' -> '\f';
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 't' -> '\t';
					case 'v' -> 0x0b;
					default -> row[i];
				};
			}
			plain[length++] = b;
		}
		return new String(plain, 0, length, StandardCharsets.UTF_8);
	}

}
