package app.lockstep.web.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import app.lockstep.domain.config.SaveConfigRevision;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team moves to Lockstep from Platform.sh: it imports its multi-file layout (real files
 * of a public template), sees what the conversion changed and what Upsun would refuse,
 * fixes the retired versions in the editor (an error in the gutter as a typo is typed,
 * gone when fixed), saves, and later brings a service across to production, where the
 * diff shows that one line changed and nothing else.
 */
@LockstepTest
class ImportJourneyTest extends BrowserJourney {

	private static final Path LAYOUT = Path
		.of("../domain/src/test/resources/upsun-corpus/platformsh/templates-nextjs-drupal")
		.toAbsolutePath()
		.normalize();

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	Caller owner;

	String project;

	@BeforeEach
	void freshProject() {
		this.owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.project = ConfigFixtures.project(this.createProject, this.createEnvironment, this.owner);
	}

	@Test
	void importAPlatformShLayoutFixItInTheEditorAndBringAServiceAcross() throws Exception {
		String staging = "/orgs/acme/projects/" + this.project + "/environments/staging/config";
		String production = "/orgs/acme/projects/" + this.project + "/environments/production/config";
		browser.login("dev@acme.test", "lockstep-demo").open(staging);
		browser.click("#import-spec").find("#import-form");

		// The four files of the layout, each with its path in the repository.
		browser.type("#file-path-0", "api/.platform.app.yaml");
		browser.find("#file-upload-0").sendKeys(LAYOUT.resolve("api/.platform.app.yaml").toString());
		browser.type("#file-path-1", "client/.platform.app.yaml");
		browser.find("#file-upload-1").sendKeys(LAYOUT.resolve("client/.platform.app.yaml").toString());
		browser.find("#file-upload-2").sendKeys(LAYOUT.resolve(".platform/services.yaml").toString());
		browser.find("#file-upload-3").sendKeys(LAYOUT.resolve(".platform/routes.yaml").toString());
		browser.screenshotPage("import-form");
		browser.click("#preview-import").find("#import-text");
		assertThat(browser.find("#import-notes").getText()).contains("added source.root: api",
				"added source.root: client", "removed size: L");
		assertThat(browser.find("#import-verdict").getText()).contains("to fix in the editor");
		assertThat(browser.find("#import-text").getText()).contains("PHP 8.1 is retired on Upsun");
		browser.screenshotPage("import-preview");

		// Into the editor: the retired versions are marked in the gutter.
		browser.click("#open-in-editor").find(".CodeMirror");
		browser.find(".CodeMirror-lint-marker-error");
		assertThat(browser.find("#spec-status").getText()).contains("errors");
		String imported = browser.specText();
		assertThat(imported).contains("  drupal:", "  nextjs:", "# deploy: !include");
		String fixed = imported.replace("'php:8.1'", "'php:8.4'")
			.replace("'nodejs:14'", "'nodejs:24'")
			.replace("mariadb:10.4", "mariadb:11.4")
			.replace("redis:6.0", "redis:8.0");
		browser.typeSpec(fixed);
		browser.waitForText("saves with them");
		assertThat(browser.all(".CodeMirror-lint-marker-error")).isEmpty();

		// A typo, typed: an error in the gutter, named in the list under the editor.
		int typeLine = lineOf(fixed, "type: 'php:8.4'");
		browser.typeInSpec(typeLine, Keys.ENTER, "relationsihps: {}");
		browser.waitForText("did you mean \"relationships\"?");
		WebElement marker = browser.find(".CodeMirror-lint-marker-error");
		assertThat(marker.isDisplayed()).isTrue();
		browser.screenshotPage("editor-gutter-error");
		browser.typeSpec(fixed).waitForText("saves with them");
		browser.type("#message", "Imported from Platform.sh").click("#save-config");
		browser.waitForText("Saved revision 1");

		// Production drifted to an older Redis; bring staging's cache service across.
		this.save.save(this.owner, new SaveConfigRevision.Command(this.project, "production", null,
				fixed.replace("redis:8.0", "redis:7.2"), List.of(), "production"));
		browser.open("/orgs/acme/projects/" + this.project + "/compare?left=production&right=staging")
			.find("#drift-headline");
		assertThat(browser.find("#drift-headline").getText()).contains("redis 7.2 vs 8.0");
		browser.click("input[value='service:cache']").click("#bring-across").waitForPath(production + "/diff");
		assertThat(browser.find("#diff-summary").getText()).isEqualTo("redis 7.2 → 8.0");
		assertThat(browser.all(".diff-REMOVED .diff-text")).extracting(WebElement::getText)
			.containsExactly("    type: redis:7.2");
		assertThat(browser.all(".diff-ADDED .diff-text")).extracting(WebElement::getText)
			.containsExactly("    type: redis:8.0");
		browser.screenshotPage("bring-across-one-line-diff");
		assertThat(Files.readString(LAYOUT.resolve(".platform/services.yaml"))).contains("redis:6.0");
	}

	/** The 1-based number of the first line holding the text. */
	private static int lineOf(String text, String part) {
		List<String> lines = List.of(text.split("\n", -1));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(part)) {
				return i + 1;
			}
		}
		throw new AssertionError("No line holds " + part);
	}

}
