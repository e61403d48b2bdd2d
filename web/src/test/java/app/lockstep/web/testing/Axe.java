package app.lockstep.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * The axe-core accessibility engine run inside the page the browser shows: its script
 * (from the axe-core jar on the test classpath) is injected through the driver, which the
 * page's Content Security Policy does not govern, and its violations come back as plain
 * lists and maps.
 */
public final class Axe {

	private static final String ENGINE = load("/axe.min.js");

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, {resultTypes: ['violations']}).then(function (result) {
			  done(result.violations
			    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
			    .map(function (v) {
			      return {id: v.id, impact: v.impact, help: v.help,
			        nodes: v.nodes.slice(0, 5).map(function (n) {
			          return n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
			        })};
			    }));
			}).catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
			""";

	private Axe() {
	}

	/**
	 * The serious and critical violations on the page shown now, each as "rule (impact):
	 * help, at: selector :: why" lines; empty when there are none.
	 */
	public static List<String> seriousViolations(Browser browser) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		js.executeScript(ENGINE);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
		return violations.stream()
			.map((v) -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + ", at: " + v.get("nodes"))
			.toList();
	}

	private static String load(String resource) {
		try (InputStream in = Axe.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("axe-core's " + resource
						+ " is not on the test classpath (com.deque.html.axe-core:selenium, test scope)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
