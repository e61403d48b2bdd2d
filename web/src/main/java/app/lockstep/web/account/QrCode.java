package app.lockstep.web.account;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A QR code (ISO/IEC 18004, model 2) of a text in byte mode at error correction level M,
 * drawn as SVG on the server so the page needs no script. Enough for an
 * {@code otpauth://} URI: versions 1 to 15 (up to 412 bytes). Written after the standard;
 * the mask is chosen by the standard's four penalty rules.
 */
final class QrCode {

	private static final int MAX_VERSION = 15;

	/** Error correction codewords per block at level M, by version. */
	private static final int[] ECC_PER_BLOCK = { -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24 };

	/** Error correction blocks at level M, by version. */
	private static final int[] BLOCKS = { -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10 };

	/** Level M's two format bits. */
	private static final int LEVEL_M = 0;

	private final int version;

	private final int size;

	private final boolean[][] dark;

	private final boolean[][] function;

	private QrCode(int version) {
		this.version = version;
		this.size = version * 4 + 17;
		this.dark = new boolean[this.size][this.size];
		this.function = new boolean[this.size][this.size];
	}

	/** The smallest code that holds the text, with the mask of least penalty. */
	static QrCode of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8), -1);
	}

	/** As {@link #of(String)}, with a given mask (0 to 7), or -1 to choose the best. */
	static QrCode of(byte[] data, int mask) {
		int version = 1;
		while (dataCodewords(version) < 2 + ((version < 10) ? 0 : 1) + data.length) {
			version++;
			if (version > MAX_VERSION) {
				throw new IllegalArgumentException("Too long for a QR code: " + data.length + " bytes");
			}
		}
		QrCode code = new QrCode(version);
		code.drawFunctionPatterns();
		code.drawCodewords(code.interleaveWithEcc(code.dataBits(data)));
		int chosen = mask;
		if (chosen < 0) {
			int least = Integer.MAX_VALUE;
			for (int candidate = 0; candidate < 8; candidate++) {
				code.applyMask(candidate);
				code.drawFormatBits(candidate);
				int penalty = code.penalty();
				if (penalty < least) {
					least = penalty;
					chosen = candidate;
				}
				code.applyMask(candidate);
			}
		}
		code.applyMask(chosen);
		code.drawFormatBits(chosen);
		return code;
	}

	int size() {
		return this.size;
	}

	int version() {
		return this.version;
	}

	boolean isDark(int x, int y) {
		return this.dark[y][x];
	}

	/**
	 * The code as an SVG image (dark modules as one path, a quiet zone of four modules),
	 * scaled by the page; labelled for screen readers.
	 */
	String toSvg(String label) {
		int border = 4;
		int full = this.size + 2 * border;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < this.size; y++) {
			for (int x = 0; x < this.size; x++) {
				if (this.dark[y][x]) {
					path.append('M').append(x + border).append(' ').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + full + " " + full
				+ "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(label) + "\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + path
				+ "\"/></svg>";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	// Capacity

	private static int rawDataModules(int version) {
		int result = (16 * version + 128) * version + 64;
		if (version >= 2) {
			int alignments = version / 7 + 2;
			result -= (25 * alignments - 10) * alignments - 55;
			if (version >= 7) {
				result -= 36;
			}
		}
		return result;
	}

	private static int dataCodewords(int version) {
		return rawDataModules(version) / 8 - ECC_PER_BLOCK[version] * BLOCKS[version];
	}

	// Function patterns

	private void drawFunctionPatterns() {
		for (int i = 0; i < this.size; i++) {
			setFunction(6, i, i % 2 == 0);
			setFunction(i, 6, i % 2 == 0);
		}
		drawFinder(3, 3);
		drawFinder(this.size - 4, 3);
		drawFinder(3, this.size - 4);
		int[] positions = alignmentPositions();
		int last = positions.length - 1;
		for (int i = 0; i <= last; i++) {
			for (int j = 0; j <= last; j++) {
				boolean corner = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
				if (!corner) {
					drawAlignment(positions[i], positions[j]);
				}
			}
		}
		// Reserve the format areas (drawn for real once the mask is chosen).
		drawFormatBits(0);
		drawVersion();
	}

	private int[] alignmentPositions() {
		if (this.version == 1) {
			return new int[0];
		}
		int count = this.version / 7 + 2;
		int step = (this.version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
		int[] result = new int[count];
		result[0] = 6;
		for (int i = count - 1, position = this.size - 7; i >= 1; i--, position -= step) {
			result[i] = position;
		}
		return result;
	}

	private void drawFinder(int cx, int cy) {
		for (int dy = -4; dy <= 4; dy++) {
			for (int dx = -4; dx <= 4; dx++) {
				int distance = Math.max(Math.abs(dx), Math.abs(dy));
				int x = cx + dx;
				int y = cy + dy;
				if (x >= 0 && x < this.size && y >= 0 && y < this.size) {
					setFunction(x, y, distance != 2 && distance != 4);
				}
			}
		}
	}

	private void drawAlignment(int cx, int cy) {
		for (int dy = -2; dy <= 2; dy++) {
			for (int dx = -2; dx <= 2; dx++) {
				setFunction(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
			}
		}
	}

	private void drawFormatBits(int mask) {
		int data = LEVEL_M << 3 | mask;
		int remainder = data;
		for (int i = 0; i < 10; i++) {
			remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
		}
		int bits = (data << 10 | remainder) ^ 0x5412;
		for (int i = 0; i <= 5; i++) {
			setFunction(8, i, bit(bits, i));
		}
		setFunction(8, 7, bit(bits, 6));
		setFunction(8, 8, bit(bits, 7));
		setFunction(7, 8, bit(bits, 8));
		for (int i = 9; i < 15; i++) {
			setFunction(14 - i, 8, bit(bits, i));
		}
		for (int i = 0; i < 8; i++) {
			setFunction(this.size - 1 - i, 8, bit(bits, i));
		}
		for (int i = 8; i < 15; i++) {
			setFunction(8, this.size - 15 + i, bit(bits, i));
		}
		setFunction(8, this.size - 8, true);
	}

	private void drawVersion() {
		if (this.version < 7) {
			return;
		}
		int remainder = this.version;
		for (int i = 0; i < 12; i++) {
			remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
		}
		int bits = this.version << 12 | remainder;
		for (int i = 0; i < 18; i++) {
			boolean on = bit(bits, i);
			int a = this.size - 11 + i % 3;
			int b = i / 3;
			setFunction(a, b, on);
			setFunction(b, a, on);
		}
	}

	private void setFunction(int x, int y, boolean on) {
		this.dark[y][x] = on;
		this.function[y][x] = true;
	}

	// Data

	private byte[] dataBits(byte[] data) {
		Bits bits = new Bits();
		bits.append(0b0100, 4);
		bits.append(data.length, (this.version < 10) ? 8 : 16);
		for (byte b : data) {
			bits.append(b & 0xff, 8);
		}
		int capacity = dataCodewords(this.version) * 8;
		bits.append(0, Math.min(4, capacity - bits.length()));
		bits.append(0, (8 - bits.length() % 8) % 8);
		for (int pad = 0xEC; bits.length() < capacity; pad ^= 0xEC ^ 0x11) {
			bits.append(pad, 8);
		}
		return bits.toBytes();
	}

	private byte[] interleaveWithEcc(byte[] data) {
		int blocks = BLOCKS[this.version];
		int eccLength = ECC_PER_BLOCK[this.version];
		int raw = rawDataModules(this.version) / 8;
		int shortBlocks = blocks - raw % blocks;
		int shortLength = raw / blocks;
		byte[] divisor = reedSolomonDivisor(eccLength);
		byte[][] all = new byte[blocks][];
		for (int i = 0, k = 0; i < blocks; i++) {
			int dataLength = shortLength - eccLength + ((i < shortBlocks) ? 0 : 1);
			byte[] block = new byte[shortLength + 1];
			System.arraycopy(data, k, block, 0, dataLength);
			byte[] ecc = reedSolomonRemainder(data, k, dataLength, divisor);
			k += dataLength;
			System.arraycopy(ecc, 0, block, block.length - eccLength, eccLength);
			all[i] = block;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(raw);
		for (int i = 0; i < shortLength + 1; i++) {
			for (int j = 0; j < blocks; j++) {
				// Short blocks have no codeword at the last data position.
				if (i != shortLength - eccLength || j >= shortBlocks) {
					out.write(all[j][i]);
				}
			}
		}
		return out.toByteArray();
	}

	private void drawCodewords(byte[] codewords) {
		int i = 0;
		for (int right = this.size - 1; right >= 1; right -= 2) {
			if (right == 6) {
				right = 5;
			}
			for (int vertical = 0; vertical < this.size; vertical++) {
				for (int j = 0; j < 2; j++) {
					int x = right - j;
					boolean upward = ((right + 1) & 2) == 0;
					int y = upward ? this.size - 1 - vertical : vertical;
					if (!this.function[y][x] && i < codewords.length * 8) {
						this.dark[y][x] = bit(codewords[i >>> 3], 7 - (i & 7));
						i++;
					}
				}
			}
		}
	}

	// Masks

	private void applyMask(int mask) {
		for (int y = 0; y < this.size; y++) {
			for (int x = 0; x < this.size; x++) {
				boolean invert = switch (mask) {
					case 0 -> (x + y) % 2 == 0;
					case 1 -> y % 2 == 0;
					case 2 -> x % 3 == 0;
					case 3 -> (x + y) % 3 == 0;
					case 4 -> (x / 3 + y / 2) % 2 == 0;
					case 5 -> x * y % 2 + x * y % 3 == 0;
					case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
					case 7 -> ((x + y) % 2 + x * y % 3) % 2 == 0;
					default -> throw new IllegalArgumentException("Mask " + mask);
				};
				if (invert && !this.function[y][x]) {
					this.dark[y][x] = !this.dark[y][x];
				}
			}
		}
	}

	/** The standard's penalty: runs, 2x2 blocks, finder-like patterns, dark balance. */
	private int penalty() {
		int penalty = 0;
		int darkCount = 0;
		for (int a = 0; a < this.size; a++) {
			StringBuilder row = new StringBuilder();
			StringBuilder column = new StringBuilder();
			for (int b = 0; b < this.size; b++) {
				row.append(this.dark[a][b] ? '1' : '0');
				column.append(this.dark[b][a] ? '1' : '0');
				if (this.dark[a][b]) {
					darkCount++;
				}
			}
			penalty += runs(row) + runs(column) + finderLike(row) + finderLike(column);
		}
		for (int y = 0; y < this.size - 1; y++) {
			for (int x = 0; x < this.size - 1; x++) {
				boolean on = this.dark[y][x];
				if (on == this.dark[y][x + 1] && on == this.dark[y + 1][x] && on == this.dark[y + 1][x + 1]) {
					penalty += 3;
				}
			}
		}
		int total = this.size * this.size;
		int k = (Math.abs(darkCount * 20 - total * 10) + total - 1) / total - 1;
		return penalty + Math.max(0, k) * 10;
	}

	private static int runs(CharSequence line) {
		int penalty = 0;
		int run = 1;
		for (int i = 1; i <= line.length(); i++) {
			if (i < line.length() && line.charAt(i) == line.charAt(i - 1)) {
				run++;
				continue;
			}
			if (run >= 5) {
				penalty += 3 + (run - 5);
			}
			run = 1;
		}
		return penalty;
	}

	private static int finderLike(CharSequence line) {
		String padded = "0000" + line + "0000";
		int penalty = 0;
		for (int from = padded.indexOf("1011101"); from >= 0; from = padded.indexOf("1011101", from + 1)) {
			boolean before = from >= 4 && padded.startsWith("0000", from - 4);
			boolean after = padded.startsWith("0000", from + 7);
			if (before || after) {
				penalty += 40;
			}
		}
		return penalty;
	}

	// Reed-Solomon over GF(2^8) with the polynomial 0x11D

	private static byte[] reedSolomonDivisor(int degree) {
		byte[] result = new byte[degree];
		result[degree - 1] = 1;
		int root = 1;
		for (int i = 0; i < degree; i++) {
			for (int j = 0; j < result.length; j++) {
				result[j] = (byte) multiply(result[j] & 0xff, root);
				if (j + 1 < result.length) {
					result[j] ^= result[j + 1];
				}
			}
			root = multiply(root, 0x02);
		}
		return result;
	}

	private static byte[] reedSolomonRemainder(byte[] data, int offset, int length, byte[] divisor) {
		byte[] result = new byte[divisor.length];
		for (int i = offset; i < offset + length; i++) {
			int factor = (data[i] ^ result[0]) & 0xff;
			System.arraycopy(result, 1, result, 0, result.length - 1);
			result[result.length - 1] = 0;
			for (int j = 0; j < result.length; j++) {
				result[j] ^= (byte) multiply(divisor[j] & 0xff, factor);
			}
		}
		return result;
	}

	private static int multiply(int x, int y) {
		int z = 0;
		for (int i = 7; i >= 0; i--) {
			z = (z << 1) ^ ((z >>> 7) * 0x11D);
			z ^= ((y >>> i) & 1) * x;
		}
		return z;
	}

	private static boolean bit(int value, int index) {
		return ((value >>> index) & 1) != 0;
	}

	/** A growing bit string, most significant bit first. */
	private static final class Bits {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private int current;

		private int length;

		void append(int value, int count) {
			for (int i = count - 1; i >= 0; i--) {
				this.current = (this.current << 1) | ((value >>> i) & 1);
				this.length++;
				if (this.length % 8 == 0) {
					this.bytes.write(this.current);
					this.current = 0;
				}
			}
		}

		int length() {
			return this.length;
		}

		byte[] toBytes() {
			return this.bytes.toByteArray();
		}

	}

}
