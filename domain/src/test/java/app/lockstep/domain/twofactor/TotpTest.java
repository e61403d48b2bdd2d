package app.lockstep.domain.twofactor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published test vectors: RFC 6238 (TOTP), Appendix B, the HMAC-SHA1 rows with the
 * 20-byte ASCII key "12345678901234567890", and RFC 4226 (HOTP), Appendix D, which gives
 * the 6-digit codes for the same key by counter.
 */
class TotpTest {

	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/**
	 * RFC 6238, Appendix B, SHA1 rows: time (s since the epoch), step (hex), 8 digits.
	 */
	@ParameterizedTest
	@CsvSource({ "59, 0000000000000001, 94287082", "1111111109, 00000000023523EC, 07081804",
			"1111111111, 00000000023523ED, 14050471", "1234567890, 000000000273EF07, 89005924",
			"2000000000, 0000000003F940AA, 69279037", "20000000000, 0000000027BC86AA, 65353130" })
	void rfc6238Sha1Vectors(long seconds, String stepHex, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
		assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
		// Six digits are the same truncation modulo 10^6: the last six of the eight.
		assertThat(Totp.code(RFC_KEY, step, 6)).isEqualTo(expected.substring(2));
	}

	/** RFC 4226, Appendix D: HOTP values for counters 0 to 9, 6 digits. */
	@ParameterizedTest
	@CsvSource({ "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922", "7, 162583",
			"8, 399871", "9, 520489" })
	void rfc4226SixDigitVectors(long counter, String expected) {
		assertThat(Totp.code(RFC_KEY, counter, 6)).isEqualTo(expected);
	}

	@Test
	void acceptsOneStepOfDriftEitherSideAndNothingFurther() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, -1)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step, 6), now, -1)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, -1)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now, -1)).isEmpty();
	}

	@Test
	void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);
		String code = Totp.code(RFC_KEY, step, 6);
		assertThat(Totp.matchingStep(RFC_KEY, code, now, step - 1)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_KEY, code, now, step)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, step)).isEmpty();
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		assertThat(Totp.matchingStep(RFC_KEY, "94287082", now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "28708a", now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "", now, -1)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "287 082", now, -1)).hasValue(1);
	}

	@Test
	void base32RoundTripsAndReadsWhatPeopleType() {
		// RFC 4648, section 10.
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Base32.encode("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
		assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
		assertThat(Base32.decode(Base32.encode(RFC_KEY))).isEqualTo(RFC_KEY);
		assertThat(Base32.encode(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void theUriNamesTheIssuerAndThePerson() {
		assertThat(EnableTwoFactor.uri("ana@example.com", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(
				"otpauth://totp/Lockstep%3Aana%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Lockstep&algorithm=SHA1&digits=6&period=30");
	}

}
