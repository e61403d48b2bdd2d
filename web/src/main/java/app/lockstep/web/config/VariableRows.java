package app.lockstep.web.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.EffectiveConfig;
import app.lockstep.domain.config.EffectiveVariable;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The variables table of the editor as submitted: rows
 * {@code variables[i].name/value/sensitive/visibility}. Blank rows are ignored; a
 * sensitive row's value is never filled in from the server (write-only).
 */
record VariableRows(List<Row> rows) {

	static final int BLANK_ROWS = 3;

	/**
	 * {@code retype}: a new sensitive value was typed but is not sent back into the page;
	 * it must be typed again.
	 */
	record Row(String name, String value, boolean sensitive, boolean alreadySet, Visibility visibility,
			boolean retype) {

		/** A secret already set keeps its value when its field is left empty. */
		public String valuePlaceholder() {
			return this.alreadySet ? "set (leave empty to keep)" : "";
		}

		@Override
		public String toString() {
			return "Row[" + this.name + "]";
		}

	}

	static VariableRows from(HttpServletRequest request) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			String prefix = "variables[" + i + "].";
			String name = request.getParameter(prefix + "name");
			if (name == null) {
				break;
			}
			Visibility visibility = parse(request.getParameter(prefix + "visibility"));
			rows.add(new Row(name.strip(), text(request.getParameter(prefix + "value")),
					request.getParameter(prefix + "sensitive") != null,
					"true".equals(request.getParameter(prefix + "set")), visibility, false));
		}
		return new VariableRows(rows);
	}

	/**
	 * The environment's own variables, for the form (sensitive values left empty: they
	 * are write-only).
	 */
	static VariableRows of(EffectiveConfig config, boolean projectScope) {
		List<Row> rows = new ArrayList<>();
		for (EffectiveVariable variable : config.variables()) {
			boolean own = projectScope || variable.source() == EffectiveVariable.Source.ENVIRONMENT;
			if (own) {
				rows.add(new Row(variable.name(), variable.sensitive() ? "" : text(variable.value()),
						variable.sensitive(), variable.sensitive(), variable.visibility(), false));
			}
		}
		return new VariableRows(rows);
	}

	/**
	 * What the form alone can refuse: a sensitive variable that is set, made plain with
	 * its value left empty. "Leave empty to keep" cannot hold (the kept value is never
	 * revealed), and saving an empty value would silently lose the secret. Keyed like the
	 * domain's errors, by the index among the non-blank rows.
	 */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		int index = 0;
		for (Row row : this.rows) {
			if (row.name().isBlank() && row.value().isBlank()) {
				continue;
			}
			if (row.alreadySet() && !row.sensitive() && row.value().isEmpty()) {
				errors.put("variables[" + index + "].value", row.name()
						+ " is sensitive and set: type its value to store it in plain text, or tick Sensitive to keep the current one.");
			}
			index++;
		}
		return errors;
	}

	List<VariableInput> inputs() {
		return this.rows.stream()
			.filter((row) -> !row.name().isBlank() || !row.value().isBlank())
			.map((row) -> new VariableInput(row.name(), row.value(), row.sensitive(), row.visibility()))
			.toList();
	}

	/**
	 * The rows to show: what was submitted (sensitive values cleared) plus some blank
	 * ones.
	 */
	List<Row> forDisplay(int blanks) {
		List<Row> shown = new ArrayList<>();
		for (Row row : this.rows) {
			if (row.name().isBlank() && row.value().isBlank()) {
				continue;
			}
			shown.add(row.sensitive()
					? new Row(row.name(), "", true, row.alreadySet(), row.visibility(), !row.value().isEmpty()) : row);
		}
		for (int i = 0; i < blanks; i++) {
			shown.add(new Row("", "", false, false, Visibility.BOTH, false));
		}
		return shown;
	}

	private static Visibility parse(@Nullable String value) {
		try {
			return (value != null) ? Visibility.valueOf(value) : Visibility.BOTH;
		}
		catch (IllegalArgumentException ex) {
			return Visibility.BOTH;
		}
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
