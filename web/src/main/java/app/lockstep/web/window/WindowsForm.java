package app.lockstep.web.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.window.WindowRules;
import app.lockstep.domain.window.WindowRulesInput;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The windows editor as submitted: {@code timeZone}, rows {@code blocks[i].label/days/
 * from/to}, {@code allowedHours[i].days/from/to} and {@code freezes[i].start/end/reason}
 * (freeze times as wall-clock times in the time zone). Blank rows and rows marked
 * {@code remove} are left out; the errors of the rules are mapped back to the rows the
 * person typed.
 */
record WindowsForm(String timeZone, List<BlockRow> blocks, List<HoursRow> allowedHours, List<FreezeRow> freezes) {

	private static final int MAX_ROWS = 200;

	private static final Pattern ROW_FIELD = Pattern.compile("^(blocks|allowedHours|freezes)\\[(\\d+)](.*)$");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

	private static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
			Locale.ROOT);

	record BlockRow(String label, List<String> days, String from, String to, boolean remove) {

		boolean blank() {
			return this.remove
					|| (this.label.isBlank() && this.days.isEmpty() && this.from.isBlank() && this.to.isBlank());
		}

		public boolean has(String day) {
			return this.days.contains(day);
		}

	}

	record HoursRow(List<String> days, String from, String to, boolean remove) {

		boolean blank() {
			return this.remove || (this.days.isEmpty() && this.from.isBlank() && this.to.isBlank());
		}

		public boolean has(String day) {
			return this.days.contains(day);
		}

	}

	record FreezeRow(String start, String end, String reason, boolean remove) {

		boolean blank() {
			return this.remove || (this.start.isBlank() && this.end.isBlank() && this.reason.isBlank());
		}

	}

	/** The days as the checkboxes name them. */
	static final List<String> DAYS = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();

	static WindowsForm from(HttpServletRequest request) {
		List<BlockRow> blocks = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS && present(request, "blocks[" + i + "]."); i++) {
			String prefix = "blocks[" + i + "].";
			blocks.add(new BlockRow(text(request, prefix + "label"), days(request, prefix + "days"),
					text(request, prefix + "from"), text(request, prefix + "to"),
					request.getParameter(prefix + "remove") != null));
		}
		List<HoursRow> hours = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS && present(request, "allowedHours[" + i + "]."); i++) {
			String prefix = "allowedHours[" + i + "].";
			hours.add(new HoursRow(days(request, prefix + "days"), text(request, prefix + "from"),
					text(request, prefix + "to"), request.getParameter(prefix + "remove") != null));
		}
		List<FreezeRow> freezes = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS && present(request, "freezes[" + i + "]."); i++) {
			String prefix = "freezes[" + i + "].";
			freezes.add(new FreezeRow(text(request, prefix + "start"), text(request, prefix + "end"),
					text(request, prefix + "reason"), request.getParameter(prefix + "remove") != null));
		}
		return new WindowsForm(text(request, "timeZone"), blocks, hours, freezes);
	}

	/**
	 * The saved (or default) rules, for the form; freeze times on the zone's wall clock.
	 */
	static WindowsForm of(WindowRules rules) {
		ZoneId zone = rules.timeZone();
		return new WindowsForm(rules.timeZone().getId(),
				rules.blocks()
					.stream()
					.map((block) -> new BlockRow(block.label(), WindowRulesInput.dayNames(block.days()),
							WindowRulesInput.format(block.from()), WindowRulesInput.formatEnd(block.to()), false))
					.toList(),
				rules.allowedHours()
					.stream()
					.map((hours) -> new HoursRow(WindowRulesInput.dayNames(hours.days()),
							WindowRulesInput.format(hours.from()), WindowRulesInput.formatEnd(hours.to()), false))
					.toList(),
				rules.freezes()
					.stream()
					.map((freeze) -> new FreezeRow(local(freeze.start(), zone), local(freeze.end(), zone),
							freeze.reason(), false))
					.toList());
	}

	/** What the rules read: the rows that are not blank, in order. */
	WindowRulesInput toInput() {
		return new WindowRulesInput(this.timeZone,
				kept(this.blocks, BlockRow::blank).stream()
					.map((row) -> new WindowRulesInput.BlockInput(row.label(), row.days(), row.from(), row.to()))
					.toList(),
				kept(this.allowedHours, HoursRow::blank).stream()
					.map((row) -> new WindowRulesInput.HoursInput(row.days(), row.from(), row.to()))
					.toList(),
				kept(this.freezes, FreezeRow::blank).stream()
					.map((row) -> new WindowRulesInput.FreezeInput(row.start(), row.end(), row.reason()))
					.toList());
	}

	/**
	 * The rules' errors keyed by the form's own row numbers ({@code blocks[1].to} of the
	 * rules may be row 3 of the form when rows 0 and 2 were blank).
	 */
	Map<String, String> formErrors(Map<String, String> errors) {
		Map<String, String> mapped = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			Matcher matcher = ROW_FIELD.matcher(field);
			if (!matcher.matches()) {
				mapped.put(field, message);
				return;
			}
			List<Integer> rows = switch (matcher.group(1)) {
				case "blocks" -> keptIndexes(this.blocks, BlockRow::blank);
				case "allowedHours" -> keptIndexes(this.allowedHours, HoursRow::blank);
				default -> keptIndexes(this.freezes, FreezeRow::blank);
			};
			int index = Integer.parseInt(matcher.group(2));
			int row = (index < rows.size()) ? rows.get(index) : index;
			mapped.put(matcher.group(1) + "[" + row + "]" + matcher.group(3), message);
		});
		return mapped;
	}

	/**
	 * The rows to show: an empty row of each kind at the end to type into (another one
	 * when {@code more} even if the last is empty).
	 */
	WindowsForm withEmptyRows(boolean more) {
		List<BlockRow> blockRows = new ArrayList<>(this.blocks);
		List<HoursRow> hourRows = new ArrayList<>(this.allowedHours);
		List<FreezeRow> freezeRows = new ArrayList<>(this.freezes);
		if (more || blockRows.isEmpty() || !blockRows.get(blockRows.size() - 1).blank()) {
			blockRows.add(new BlockRow("", List.of(), "", "", false));
		}
		if (more || hourRows.isEmpty() || !hourRows.get(hourRows.size() - 1).blank()) {
			hourRows.add(new HoursRow(List.of(), "", "", false));
		}
		if (more || freezeRows.isEmpty() || !freezeRows.get(freezeRows.size() - 1).blank()) {
			freezeRows.add(new FreezeRow("", "", "", false));
		}
		return new WindowsForm(this.timeZone, blockRows, hourRows, freezeRows);
	}

	static String local(Instant instant, ZoneId zone) {
		var local = instant.atZone(zone).toLocalDateTime();
		return (local.getSecond() == 0 && local.getNano() == 0) ? LOCAL.format(local) : LOCAL_SECONDS.format(local);
	}

	private static <T> List<T> kept(List<T> rows, java.util.function.Predicate<T> blank) {
		return rows.stream().filter(blank.negate()).toList();
	}

	private static <T> List<Integer> keptIndexes(List<T> rows, java.util.function.Predicate<T> blank) {
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!blank.test(rows.get(i))) {
				indexes.add(i);
			}
		}
		return indexes;
	}

	private static boolean present(HttpServletRequest request, String prefix) {
		return request.getParameterMap().keySet().stream().anyMatch((name) -> name.startsWith(prefix));
	}

	private static String text(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return (value != null) ? value : "";
	}

	private static List<String> days(HttpServletRequest request, String name) {
		@Nullable String[] values = request.getParameterValues(name);
		return (values != null) ? Arrays.stream(values).filter((v) -> v != null && !v.isBlank()).toList() : List.of();
	}

}
