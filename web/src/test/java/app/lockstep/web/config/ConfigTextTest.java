package app.lockstep.web.config;

import java.time.ZoneId;
import java.util.List;

import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.config.spec.LineError;
import app.lockstep.web.shared.ZoneTimes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigTextTest {

	private final ConfigText text = new ConfigText(new ZoneTimes(ZoneId.of("Europe/Paris")));

	@Test
	void aLineErrorNamesItsPlaceOnlyWhenItHasALine() {
		assertThat(this.text.lineError(new LineError(4, 2, "unknown key"))).isEqualTo("Line 4, column 2: unknown key");
		assertThat(this.text.lineError(new LineError(0, 0, "empty"))).isEqualTo("empty");
		assertThat(this.text.warning(new LineError(3, 1, "PHP 8.1 is deprecated")))
			.isEqualTo("Line 3: PHP 8.1 is deprecated");
	}

	@Test
	void theSaveSaysWhichRevisionItCreates() {
		assertThat(this.text.base(0)).isEqualTo("creates revision 1");
		assertThat(this.text.base(7)).isEqualTo("on top of revision 7");
		assertThat(this.text.restoreAs(7)).isEqualTo("Restore as revision 8");
	}

	@Test
	void aReadOnlySpecStartsOnItsOwnLineOrSaysItIsEmpty() {
		assertThat(this.text.spec("")).isEqualTo("(empty)");
		assertThat(this.text.spec("applications: {}")).isEqualTo("\napplications: {}");
	}

	@Test
	void visibilitiesAndTabsAreNamedInWords() {
		assertThat(this.text.visibility(Visibility.BOTH)).isEqualTo("build and runtime");
		assertThat(this.text.visibility(Visibility.BUILD)).isEqualTo("build only");
		assertThat(this.text.visibility(Visibility.RUNTIME)).isEqualTo("runtime only");
		assertThat(this.text.tab("history")).isEqualTo("History");
		assertThat(this.text.tab("revision")).isEqualTo("Revision");
	}

	@Test
	void anImportSaysWhetherItCanBeSavedAndWhatIsLeftToFix() {
		LineError problem = new LineError(1, 1, "bad");
		assertThat(this.text.importVerdict(List.of(), List.of()))
			.isEqualTo("It is valid: open it in the editor to save it as a revision.");
		assertThat(this.text.importVerdict(List.of(), List.of(problem, problem)))
			.isEqualTo("It is valid, with 2 warning(s): open it in the editor to save it.");
		assertThat(this.text.importVerdict(List.of(problem), List.of()))
			.isEqualTo("1 problem(s) to fix in the editor before it can be saved.");
	}

}
