package app.lockstep.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients will not do: stream a body of
 * hundreds of megabytes (chunked, or with a Content-Length announced up front) while
 * reading the answer, to see that the server answers before it has read the body. The
 * body is written by a second thread until the answer arrives, the connection breaks or
 * all was sent (with a Content-Length, only if no answer came within 2 s of the head);
 * the answer tells how many body bytes had been written by then.
 */
public final class RawHttp {

	private static final byte[] CHUNK = new byte[64 * 1024];

	static {
		java.util.Arrays.fill(CHUNK, (byte) 'a');
	}

	private RawHttp() {
	}

	/** How the body is sent. */
	public enum Framing {

		/** Transfer-Encoding: chunked, no size announced. */
		CHUNKED,
		/** Content-Length announced up front. */
		CONTENT_LENGTH

	}

	/** The answer, and how much of the body had been written when it came. */
	public record Answer(int status, Map<String, String> headers, String body, long bodyBytesWritten) {

		public String header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
		}

	}

	/**
	 * Sends {@code method path} with these headers and a body of {@code bodySize} bytes
	 * of 'a' (the prefix first, if given), framed as asked, and reads the answer; fails
	 * after {@code timeout} without one.
	 */
	public static Answer send(int port, String method, String path, Map<String, String> headers, byte[] prefix,
			long bodySize, Framing framing, Duration timeout) throws IOException, InterruptedException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout((int) timeout.toMillis());
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
			head.append("Host: localhost:").append(port).append("\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (framing == Framing.CHUNKED) {
				head.append("Transfer-Encoding: chunked\r\n");
			}
			else {
				head.append("Content-Length: ").append(bodySize).append("\r\n");
			}
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			AtomicBoolean answered = new AtomicBoolean();
			CountDownLatch answer = new CountDownLatch(1);
			AtomicLong written = new AtomicLong();
			Thread writer = Thread.ofVirtual().start(() -> {
				try {
					if (framing == Framing.CONTENT_LENGTH && answer.await(2, TimeUnit.SECONDS)) {
						// answered on the announced size alone: nothing to send
						return;
					}
					long remaining = bodySize;
					byte[] first = prefix;
					while (remaining > 0 && !answered.get()) {
						byte[] data = (first.length > 0) ? first : CHUNK;
						int n = (int) Math.min(data.length, remaining);
						if (framing == Framing.CHUNKED) {
							out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
						}
						out.write(data, 0, n);
						if (framing == Framing.CHUNKED) {
							out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
						}
						written.addAndGet(n);
						remaining -= n;
						first = new byte[0];
					}
					if (framing == Framing.CHUNKED && !answered.get()) {
						out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
					}
					out.flush();
				}
				catch (IOException ex) {
					// the server stopped reading and closed: expected when it refuses
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			try {
				return read(socket.getInputStream(), answered, answer, written);
			}
			finally {
				answered.set(true);
				answer.countDown();
				writer.join(timeout.toMillis());
			}
		}
	}

	private static Answer read(InputStream in, AtomicBoolean answered, CountDownLatch answer, AtomicLong written)
			throws IOException {
		String statusLine = line(in);
		long writtenAtAnswer = written.get();
		answered.set(true);
		answer.countDown();
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			if (headers.containsKey("content-length")) {
				body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer
					.parseInt(line(in).strip(), 16)) {
					body.write(in.readNBytes(size));
					line(in);
				}
			}
			else {
				// delimited by the end of the connection
				body.write(in.readAllBytes());
			}
		}
		catch (SocketTimeoutException | NumberFormatException | java.net.SocketException ex) {
			// keep what arrived
		}
		return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), writtenAtAnswer);
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("The connection closed before a full answer; got: " + line);
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

}
