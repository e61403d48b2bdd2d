package app.lockstep.web.journeys;

import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.config.ConfigFixtures;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A developer edits an environment's config in a real headless Chromium: a validation
 * error, the fix, a second revision, history, diff, restore, and bringing a difference
 * across from another environment. Always on a fresh project, never the demo ones.
 */
@LockstepTest
class ConfigJourneyTest extends BrowserJourney {

	private static final String BROKEN = ConfigFixtures.SPEC.replace("    type: php:8.3\n",
			"    type: php:8.3\n    colour: blue\n");

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	String project;

	@BeforeEach
	void freshProjectAndBrowser() {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.project = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
	}

	@Test
	void editSeeAnErrorFixSaveDiffRestoreCompareAndBringADifferenceAcross() {
		String staging = "/orgs/acme/projects/" + this.project + "/environments/staging/config";
		String production = "/orgs/acme/projects/" + this.project + "/environments/production/config";
		browser.login("dev@acme.test", "lockstep-demo").open(staging);
		browser.waitForText("No revision yet");

		// An unknown key: refused beside its line, the typed text kept.
		browser.typeSpec(BROKEN)
			.type("#var-name-0", "APP_ENV")
			.type("#var-value-0", "staging")
			.type("#message", "First config")
			.click("#save-config");
		assertThat(browser.find("#config-errors").getText()).contains("Nothing was saved", "Line 4", "colour");
		assertThat(browser.find("#spec-line-4.spec-line-error").getText()).contains("colour: blue");
		assertThat(browser.specText()).isEqualTo(BROKEN);
		assertThat(value("#var-name-0")).isEqualTo("APP_ENV");
		assertThat(value("#var-value-0")).isEqualTo("staging");
		browser.screenshotPage("config-editor-error");

		// Fixed: revision 1.
		browser.typeSpec(ConfigFixtures.SPEC).click("#save-config");
		browser.waitForText("Saved revision 1");
		assertThat(browser.all("#config-errors")).isEmpty();
		assertThat(browser.specText()).isEqualTo(ConfigFixtures.SPEC);
		assertThat(browser.text()).contains("Revision 1 by Dana Developer");
		browser.screenshotPage("config-editor-saved");

		// A runtime upgrade and a changed value: revision 2.
		browser.typeSpec(ConfigFixtures.SPEC.replace("php:8.3", "php:8.4"))
			.type("#var-value-0", "staging-2")
			.type("#message", "Upgrade PHP")
			.click("#save-config");
		browser.waitForText("Saved revision 2");
		browser.screenshotPage("config-editor");

		browser.resize(390, 844).open(staging).find("#config-form");
		browser.screenshotPage("config-editor-phone");
		browser.resize(1280, 900);

		// History, and the diff between 1 and 2.
		browser.click(".nav-tabs a[href$='/config/history']").waitForPath(staging + "/history");
		assertThat(browser.all("#revisions .revision-row")).hasSize(2);
		assertThat(browser.find("#revisions").getText()).contains("Upgrade PHP", "php 8.3 → 8.4");
		browser.screenshotPage("config-history");
		browser.click("input[name=from][value='1']").click("input[name=to][value='2']").click("#show-diff");
		browser.waitForPath(staging + "/diff");
		assertThat(browser.currentPath()).contains("from=1", "to=2").doesNotContain("csrf");
		assertThat(browser.find("#diff-title").getText()).isEqualTo("Revision 1 → 2");
		assertThat(browser.all(".diff-ADDED .diff-text")).extracting(WebElement::getText)
			.containsExactly("    type: php:8.4");
		assertThat(browser.all(".diff-REMOVED .diff-text")).extracting(WebElement::getText)
			.containsExactly("    type: php:8.3");
		assertThat(browser.find(".variable-changes").getText()).contains("APP_ENV", "staging", "staging-2");
		browser.screenshotPage("config-diff");

		// Restore revision 1: revision 3.
		browser.click(".nav-tabs a[href$='/config/history']").waitForPath(staging + "/history");
		browser.click("a[aria-label='Restore revision 1']").find("#restore-summary");
		assertThat(browser.find("#restore-summary").getText()).contains("php 8.4 → 8.3");
		browser.screenshotPage("config-restore-preview");
		browser.click("#confirm-restore").waitForText("Restored revision 1 as revision 3");
		assertThat(browser.find("tr[data-revision='3']").getText()).contains("restored from 1");
		browser.screenshotPage("config-history-restored");
		browser.open(staging).find(".CodeMirror");
		assertThat(browser.specText()).isEqualTo(ConfigFixtures.SPEC);
		assertThat(value("#var-value-0")).isEqualTo("staging");

		// Production gets a config of its own, without APP_ENV.
		browser.open(production).waitForText("No revision yet");
		browser.typeSpec(ConfigFixtures.SPEC)
			.type("#var-name-0", "LOG_LEVEL")
			.type("#var-value-0", "warning")
			.click("#save-config");
		browser.waitForText("Saved revision 1");

		// Compare production (left) with staging (right) and bring APP_ENV across.
		browser.click("a[href*='/compare?left=production']").find("#drift-headline");
		assertThat(browser.find("#left option:checked").getText()).isEqualTo("production");
		assertThat(browser.find("#right option:checked").getText()).isEqualTo("staging");
		assertThat(browser.find("#drift-headline").getText()).startsWith("production ≠ staging: ");
		assertThat(browser.find("tr[data-key='variable:APP_ENV']").getText()).contains("only in staging");
		assertThat(browser.find("tr[data-key='variable:LOG_LEVEL']").getText()).contains("only in production");
		browser.screenshotPage("config-compare");
		browser.click("input[value='variable:APP_ENV']").type("#bring-message", "APP_ENV from staging");
		browser.click("#bring-across").waitForPath(production + "/diff");
		browser.waitForText("Saved revision 2 of production");
		assertThat(browser.find(".variable-changes").getText()).contains("APP_ENV", "added", "staging");
		assertThat(browser.all(".diff-ADDED, .diff-REMOVED")).as("the spec did not change").isEmpty();
		browser.open(production).find("#config-form");
		assertThat(value("#var-name-0")).isEqualTo("LOG_LEVEL");
		assertThat(value("#var-name-1")).isEqualTo("APP_ENV");
		assertThat(value("#var-value-1")).isEqualTo("staging");
		assertThat(browser.text()).contains("APP_ENV from staging");

		// Only LOG_LEVEL still differs.
		browser.click("a[href*='/compare?left=production']").find("#drift-headline");
		assertThat(browser.find("tr[data-key='variable:APP_ENV']").getText()).contains("same");
		assertThat(browser.find("tr[data-key='variable:LOG_LEVEL']").getText()).contains("only in production");

		// The same pages on a phone.
		browser.resize(390, 844);
		browser.open(browser.currentPath()).find("#drift-table");
		browser.screenshotPage("config-compare-phone");
		browser.open(staging + "/history").find("#revisions");
		browser.screenshotPage("config-history-phone");
		browser.open(staging + "/diff?from=1&to=2").find("#diff-title");
		browser.screenshotPage("config-diff-phone");
	}

	@Test
	void aSpecThatStartsWithABlankLineKeepsItSoErrorLinesMatchTheEditor() {
		String staging = "/orgs/acme/projects/" + this.project + "/environments/staging/config";
		browser.login("dev@acme.test", "lockstep-demo").open(staging);
		browser.typeSpec("\n" + BROKEN).click("#save-config");
		assertThat(browser.find("#config-errors").getText()).contains("Line 5");
		assertThat(browser.specText()).isEqualTo("\n" + BROKEN);

		browser.typeSpec("\n" + ConfigFixtures.SPEC).click("#save-config");
		browser.waitForText("Saved revision 1");
		assertThat(browser.specText()).isEqualTo("\n" + ConfigFixtures.SPEC);
		browser.type("#var-name-0", "APP_ENV").type("#var-value-0", "staging").click("#save-config");
		browser.waitForText("Saved revision 2");
		browser.open(staging + "/diff?from=1&to=2").find("#diff-title");
		assertThat(browser.find("#diff-summary").getText()).isEqualTo("+1 ~0 -0 variables");
		assertThat(browser.all(".diff-ADDED, .diff-REMOVED")).isEmpty();
	}

	private static String value(String css) {
		return browser.find(css).getDomProperty("value");
	}

}
