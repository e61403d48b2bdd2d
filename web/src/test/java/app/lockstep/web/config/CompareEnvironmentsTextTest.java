package app.lockstep.web.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompareEnvironmentsTextTest {

	@Test
	void theHeadlineSaysWhetherTheTwoAreInLockstep() {
		assertThat(new CompareEnvironmentsText("staging", "production", null, "").headline())
			.isEqualTo("staging and production are in lockstep.");
		assertThat(new CompareEnvironmentsText("staging", "production", null, "php 8.2 → 8.3").headline())
			.isEqualTo("staging ≠ production: php 8.2 → 8.3");
	}

	@Test
	void withoutAComparisonItSaysWhatIsMissing() {
		assertThat(new CompareEnvironmentsText("staging", null, null, "").nothing())
			.isEqualTo("This project needs at least two environments to compare.");
		assertThat(new CompareEnvironmentsText("staging", "staging", null, "").nothing())
			.isEqualTo("Pick two different environments to compare.");
	}

	@Test
	void bringingAcrossNamesBothSides() {
		CompareEnvironmentsText text = new CompareEnvironmentsText("staging", "production", null, "x");
		assertThat(text.message()).isEqualTo("Brought across from production");
		assertThat(text.bringSelected()).isEqualTo("Bring selected into staging");
		assertThat(text.onlyLeft()).isEqualTo("only in staging");
		assertThat(text.onlyRight()).isEqualTo("only in production");
	}

}
