package app.lockstep.domain.window;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.window.WindowRulesInput.BlockInput;
import app.lockstep.domain.window.WindowRulesInput.FreezeInput;
import app.lockstep.domain.window.WindowRulesInput.HoursInput;
import org.junit.jupiter.api.Test;

import static app.lockstep.domain.window.WindowFixtures.PARIS;
import static app.lockstep.domain.window.WindowFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WindowRulesInputTest {

	static final WindowRulesInput ISSUE_EXAMPLE = new WindowRulesInput("Europe/Paris",
			List.of(new BlockInput("No Friday deploys", List.of("FRIDAY"), "00:00", "24:00")),
			List.of(new HoursInput(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"), "09:00", "17:00")),
			List.of(new FreezeInput("2026-12-24T00:00:00Z", "2027-01-02T00:00:00Z", "Holiday freeze")));

	static Map<String, String> errors(WindowRulesInput input) {
		ValidationException ex = catchThrowableOfType(ValidationException.class, () -> input.toRules(PARIS));
		assertThat(ex).as("refused").isNotNull();
		return ex.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
	}

	static WindowRulesInput blocks(BlockInput... blocks) {
		return new WindowRulesInput("Europe/Paris", List.of(blocks), List.of(), List.of());
	}

	@Test
	void theIssuesExampleReadsAsRules() {
		WindowRules rules = ISSUE_EXAMPLE.toRules(WindowFixtures.NEW_YORK);
		assertThat(rules.timeZone()).isEqualTo(PARIS);
		assertThat(rules.blocks()).containsExactly(
				new Block("No Friday deploys", Set.of(DayOfWeek.FRIDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
		assertThat(rules.allowedHours()).containsExactly(
				new AllowedHours(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
						LocalTime.of(9, 0), LocalTime.of(17, 0)));
		assertThat(rules.freezes())
			.containsExactly(new Freeze(at("2026-12-24T00:00:00Z"), at("2027-01-02T00:00:00Z"), "Holiday freeze"));
	}

	@Test
	void writingTheRulesBackGivesTheSameInput() {
		assertThat(WindowRulesInput.of(ISSUE_EXAMPLE.toRules(PARIS))).isEqualTo(ISSUE_EXAMPLE);
	}

	@Test
	void aMissingTimeZoneIsTheEnvironmentsAndMissingListsAreEmpty() {
		assertThat(new WindowRulesInput(null, null, null, null).toRules(PARIS)).isEqualTo(WindowRules.open(PARIS));
	}

	@Test
	void daysAreReadWhateverTheirCaseAndAsThreeLetters() {
		assertThat(blocks(new BlockInput("Weekend", List.of("saturday", "Sun"), "00:00", "24:00")).toRules(PARIS)
			.blocks()
			.get(0)
			.days()).containsExactly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
	}

	@Test
	void wallClockFreezeTimesAreReadInTheRulesTimeZone() {
		WindowRules rules = new WindowRulesInput("America/New_York", List.of(), List.of(),
				List.of(new FreezeInput("2026-12-24T00:00", "2026-12-26T00:00+01:00", "Holidays")))
			.toRules(PARIS);
		assertThat(rules.freezes().get(0).start()).isEqualTo(at("2026-12-24T05:00:00Z"));
		assertThat(rules.freezes().get(0).end()).isEqualTo(at("2026-12-25T23:00:00Z"));
	}

	@Test
	void anUnknownDayIsNamed() {
		assertThat(errors(blocks(new BlockInput("Oops", List.of("FRIDAY", "FRYDAY"), "00:00", "24:00")))).containsEntry(
				"blocks[0].days",
				"\"FRYDAY\" is not a day; use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY.");
		assertThat(errors(blocks(new BlockInput("None", List.of(), "00:00", "24:00")))).containsEntry("blocks[0].days",
				"Choose at least one day.");
	}

	@Test
	void aBadTimeIsNamedOnItsField() {
		assertThat(errors(blocks(new BlockInput("Late", List.of("MONDAY"), "25:00", "9am"))))
			.containsEntry("blocks[0].from", "\"25:00\" is not a time of day; write HH:MM from 00:00 to 23:59.")
			.containsEntry("blocks[0].to",
					"\"9am\" is not a time of day; write HH:MM from 00:01 to 24:00 (24:00 is the end of the day).");
		assertThat(errors(blocks(new BlockInput("Late", List.of("MONDAY"), "24:00", "24:00"))))
			.containsEntry("blocks[0].from", "Nothing can start at 24:00; start at 00:00 on the next day instead.");
		assertThat(errors(blocks(new BlockInput("Late", List.of("MONDAY"), "12:60", null))))
			.containsEntry("blocks[0].from", "\"12:60\" is not a time of day; write HH:MM from 00:00 to 23:59.")
			.containsEntry("blocks[0].to", "Enter an end time such as 17:00, or 24:00 for the end of the day.");
	}

	@Test
	void theEndMustComeAfterTheStartExceptTwentyFourHundred() {
		assertThat(errors(blocks(new BlockInput("Backwards", List.of("MONDAY"), "17:00", "09:00")))).containsEntry(
				"blocks[0].to",
				"The end (09:00) must come after the start (17:00). Across midnight, use two rows: one until 24:00 and one from 00:00.");
		assertThat(errors(blocks(new BlockInput("Empty", List.of("MONDAY"), "09:00", "09:00"))))
			.containsKey("blocks[0].to");
		assertThat(errors(blocks(new BlockInput("Midnight", List.of("MONDAY"), "22:00", "00:00")))).containsEntry(
				"blocks[0].to", "An end of 00:00 would be before the start; write 24:00 for the end of the day.");
		assertThat(new WindowRulesInput(null, List.of(), List.of(new HoursInput(List.of("MONDAY"), "00:00", "24:00")),
				List.of())
			.toRules(PARIS)
			.allowedHours()).hasSize(1);
	}

	@Test
	void aBlockNeedsALabel() {
		assertThat(errors(blocks(new BlockInput("  ", List.of("MONDAY"), "09:00", "10:00"))))
			.containsEntry("blocks[0].label", "Name the block, such as \"No Friday deploys\".");
		assertThat(errors(blocks(new BlockInput("x".repeat(101), List.of("MONDAY"), "09:00", "10:00"))))
			.containsEntry("blocks[0].label", "Keep the name to 100 characters or fewer.");
	}

	@Test
	void aFreezeMustEndAfterItStartsAndSayWhy() {
		Map<String, String> errors = errors(new WindowRulesInput(null, List.of(), List.of(),
				List.of(new FreezeInput("2026-12-24T00:00:00Z", "2026-12-24T00:00:00Z", "Holidays"),
						new FreezeInput("24/12/2026", null, ""))));
		assertThat(errors).containsEntry("freezes[0].end", "The freeze must end after it starts.")
			.containsEntry("freezes[1].start",
					"\"24/12/2026\" is not a date and time; write it like 2026-12-24T00:00:00Z (or 2026-12-24T00:00 in the time zone).")
			.containsEntry("freezes[1].end", "Enter when the freeze ends, such as 2026-12-24T00:00:00Z.")
			.containsEntry("freezes[1].reason", "Say why, such as \"Holiday freeze\".");
	}

	@Test
	void anUnknownTimeZoneIsRefusedAndEveryOtherProblemReportedWithIt() {
		Map<String, String> errors = errors(new WindowRulesInput("Europe/Atlantis",
				List.of(new BlockInput("", List.of("MONDAY"), "09:00", "10:00")),
				List.of(new HoursInput(List.of("FUNDAY"), "09:00", "17:00")),
				List.of(new FreezeInput("2026-12-24T00:00", "2026-12-25T00:00", "Local"))));
		assertThat(errors)
			.containsEntry("timeZone",
					"\"Europe/Atlantis\" is not a time zone we know; use a region name such as Europe/Paris.")
			.containsKeys("blocks[0].label", "allowedHours[0].days")
			.doesNotContainKeys("freezes[0].start", "freezes[0].end");
	}

	@Test
	void tooManyRowsAreRefused() {
		List<BlockInput> many = java.util.Collections.nCopies(51,
				new BlockInput("Many", List.of("MONDAY"), "09:00", "10:00"));
		assertThat(errors(new WindowRulesInput(null, many, null, null))).containsEntry("blocks",
				"Keep it to 50 blocks.");
	}

	@Test
	void anOrganizationFreezeIsValidatedOnItsOwnFields() {
		assertThatThrownBy(() -> new FreezeInput("2026-12-24T00:00", "2026-12-23T00:00", " ").toFreeze(PARIS))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("reason", "end"));
		assertThat(new FreezeInput("2026-12-24T00:00", "2027-01-02T00:00", "Holiday freeze").toFreeze(PARIS))
			.isEqualTo(new Freeze(at("2026-12-23T23:00:00Z"), at("2027-01-01T23:00:00Z"), "Holiday freeze"));
	}

}
