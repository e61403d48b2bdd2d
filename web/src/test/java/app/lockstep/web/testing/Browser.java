package app.lockstep.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driving the
 * application over HTTP. Nothing is downloaded: the browser and its driver must be
 * installed (.ci/run installs them).
 */
public final class Browser implements AutoCloseable {

	private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome");

	private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	public Browser(int port) {
		this.baseUrl = "http://localhost:" + port;
		String binary = first(BROWSERS, "chromium");
		String driverPath = first(DRIVERS, "chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900");
		// The console (Content-Security-Policy violations among it) is readable through
		// driver().manage().logs().
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		// htmx swaps replace elements under the wait's feet: a stale element just means
		// "look again".
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(10));
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	private static String first(List<String> candidates, String debianPackage) {
		return candidates.stream()
			.filter((path) -> Files.isExecutable(Path.of(path)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Browser journeys need Debian's " + debianPackage
					+ " (apt-get install -y chromium chromium-driver); none of " + candidates + " is installed."));
	}

	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	public WebElement find(String css) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * Clicks "show more" ({@code more}) until {@code wanted} is on the page, waiting
	 * after each click for the next rows: how a person finds a row beyond the first page.
	 */
	public Browser showMoreUntil(String wanted, String more) {
		while (all(wanted).isEmpty()) {
			List<WebElement> button = all(more);
			if (button.isEmpty()) {
				throw new AssertionError("No \"" + more + "\" left, and no " + wanted + " on the page");
			}
			String href = button.getFirst().getAttribute("href");
			click(more);
			this.wait
				.until((d) -> !d.findElements(By.cssSelector(wanted)).isEmpty() || d.findElements(By.cssSelector(more))
					.stream()
					.noneMatch((b) -> java.util.Objects.equals(href, b.getAttribute("href"))));
		}
		return this;
	}

	public List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public Browser type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Replaces the spec editor's text (CodeMirror over #infrastructure) at once: the
	 * content, not the typing, is what the journey is about.
	 */
	public Browser typeSpec(String text) {
		WebElement editor = find(".CodeMirror");
		((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript(
				"arguments[0].CodeMirror.setValue(arguments[1]); arguments[0].CodeMirror.save();", editor, text);
		return this;
	}

	/**
	 * Types keys at the end of a line (1-based) of the spec editor, as a person would.
	 */
	public Browser typeInSpec(int line, CharSequence... keys) {
		WebElement editor = find(".CodeMirror");
		((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript(
				"var cm = arguments[0].CodeMirror; cm.focus(); cm.setCursor({line: arguments[1], ch: cm.getLine(arguments[1]).length});",
				editor, line - 1);
		this.driver.switchTo().activeElement().sendKeys(keys);
		return this;
	}

	/** The spec editor's text. */
	public String specText() {
		return (String) ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return arguments[0].CodeMirror.getValue();", find(".CodeMirror"));
	}

	public Browser click(String css) {
		WebElement element = this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
		((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript(
				"arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			screenshot("click-intercepted");
			throw ex;
		}
		return this;
	}

	public Browser select(String css, String visibleValue) {
		new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(visibleValue);
		return this;
	}

	/**
	 * Waits until the page's text contains {@code text} (no sleeping: polls the
	 * condition).
	 */
	public Browser waitForText(String text) {
		this.wait.until((d) -> {
			try {
				return d.findElement(By.tagName("body")).getText().contains(text);
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// The page was replaced while its text was read (a form just submitted):
				// not there yet, look again.
				return false;
			}
		});
		return this;
	}

	public Browser waitForPath(String path) {
		this.wait.until(
				ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(this.baseUrl + path) + "([?#].*)?$"));
		return this;
	}

	/**
	 * Waits until the address contains {@code fragment}, such as the query a form
	 * submission leads to.
	 */
	public Browser waitForUrlContaining(String fragment) {
		this.wait.until(ExpectedConditions.urlContains(fragment));
		return this;
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public String currentPath() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	public Browser login(String email, String password) {
		open("/login").type("#username", email).type("#password", password).click("button[type=submit]");
		this.wait.until((d) -> !d.getCurrentUrl().contains("/login"));
		return this;
	}

	public Browser logout() {
		this.driver.manage().deleteAllCookies();
		return this;
	}

	public Browser resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
		return this;
	}

	/** Saves a screenshot to target/screenshots, for a person to look at. */
	public Browser screenshot(String name) {
		try {
			Path directory = Path.of("target", "screenshots");
			Files.createDirectories(directory);
			byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
			Files.write(directory.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Saves a screenshot of the whole page, below the fold too: the window is made as
	 * tall as the page for the shot, then given back its size.
	 */
	public Browser screenshotPage(String name) {
		Dimension size = this.driver.manage().window().getSize();
		Number page = (Number) ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollHeight;");
		int chrome = size.height - ((Number) ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return window.innerHeight;")).intValue();
		int height = Math.min(page.intValue() + chrome, 8000);
		if (height <= size.height) {
			return screenshot(name);
		}
		resize(size.width, height);
		try {
			return screenshot(name);
		}
		finally {
			this.driver.manage().window().setSize(size);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
