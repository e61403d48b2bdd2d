package app.lockstep.web.journeys;

import java.util.Map;

import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How pages lay out in a real browser at the sizes people use (issue 15).
 */
@LockstepTest
class PageLayoutJourneyTest extends BrowserJourney {

	@Test
	void theAuditLogShowsEveryColumnAtLaptopWidthWithoutScrollingSideways() {
		browser.resize(1440, 900).login("owner@acme.test", "lockstep-demo").open("/orgs/acme/audit");
		browser.find("#audit-table");
		@SuppressWarnings("unchecked")
		Map<String, Object> box = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(
				"""
						var table = document.getElementById('audit-table');
						var frame = table.closest('.table-responsive');
						var ip = table.querySelector('thead th:last-child').getBoundingClientRect();
						return {ipRight: ip.right, frameRight: frame.getBoundingClientRect().right,
						        scroll: frame.scrollWidth, width: frame.clientWidth, ip: table.querySelector('thead th:last-child').textContent};
						""");
		browser.screenshot("audit-1440");
		assertThat(box.get("ip")).isEqualTo("IP");
		assertThat(((Number) box.get("ipRight")).doubleValue()).as("the IP column's right edge")
			.isLessThanOrEqualTo(((Number) box.get("frameRight")).doubleValue() + 0.5);
		assertThat(((Number) box.get("scroll")).intValue()).as("the table's width")
			.isLessThanOrEqualTo(((Number) box.get("width")).intValue());
	}

}
