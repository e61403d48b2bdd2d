package app.lockstep.web.account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR encoder module for module against codes made by another implementation
 * (python-qrcode 8.2, level M, byte mode, the same mask): version 1, version 6 with two
 * blocks, and version 9 with blocks of two lengths and the version information.
 */
class QrCodeTest {

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void matchesAnIndependentEncoderModuleForModule(int index) throws IOException {
		List<String> lines;
		try (InputStream in = QrCodeTest.class.getResourceAsStream("/qr/case-" + index + ".txt")) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		String[] header = lines.get(0).split("[ ,]+");
		int version = Integer.parseInt(header[2]);
		int mask = Integer.parseInt(header[4]);
		String text = lines.get(1);
		List<String> expected = lines.subList(2, lines.size());

		QrCode code = QrCode.of(text.getBytes(StandardCharsets.UTF_8), mask);

		assertThat(code.version()).isEqualTo(version);
		assertThat(rows(code)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void drawsOneSquarePerDarkModuleInsideAQuietZone(int index) {
		QrCode code = QrCode.of("otpauth://totp/Lockstep%3Ax?secret=ABC&n=" + "x".repeat(index * 60));
		String svg = code.toSvg("QR code <for> \"you\"");
		int dark = (int) String.join("", rows(code)).chars().filter((c) -> c == '1').count();
		assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + (code.size() + 8))
			.contains("aria-label=\"QR code &lt;for&gt; &quot;you&quot;\"")
			.doesNotContain("style=");
	}

	private static List<String> rows(QrCode code) {
		return java.util.stream.IntStream.range(0, code.size()).mapToObj((y) -> {
			StringBuilder row = new StringBuilder();
			for (int x = 0; x < code.size(); x++) {
				row.append(code.isDark(x, y) ? '1' : '0');
			}
			return row.toString();
		}).toList();
	}

}
