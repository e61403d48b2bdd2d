package app.lockstep.web.shared;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * How many requests a key may make: a burst of {@code burst}, and {@code burst} more each
 * {@code period} (one every {@code period / burst}). Written {@code 20/5m} in properties.
 */
public record RateLimit(int burst, Duration period) {

	private static final Pattern TEXT = Pattern.compile("^\\s*(\\d{1,9})\\s*/\\s*(\\S{1,20})\\s*$");

	public RateLimit {
		if (burst < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A rate limit needs a burst of at least 1 and a positive period");
		}
	}

	/** {@code N/duration}, such as {@code 20/5m} or {@code 60/1m}. */
	public static RateLimit parse(String text) {
		Matcher matcher = TEXT.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"\"" + text + "\" is not a rate limit: write requests/period, such as 20/5m");
		}
		return new RateLimit(Integer.parseInt(matcher.group(1)),
				DurationStyle.detectAndParse(matcher.group(2).toLowerCase(Locale.ROOT)));
	}

	/** How long one request's allowance takes to come back. */
	Duration refill() {
		return this.period.dividedBy(this.burst);
	}

	@Override
	public String toString() {
		return this.burst + "/" + DurationStyle.SIMPLE.print(this.period);
	}

}
