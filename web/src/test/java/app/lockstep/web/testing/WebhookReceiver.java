package app.lockstep.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A team's deployer for the tests: a JDK HTTP server on 127.0.0.1 and a free port that
 * records every POST it receives (headers, exact body bytes, when) and answers with the
 * status {@link #answer} chooses (202 by default), optionally after a delay.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** One POST as it arrived. */
	public record Delivery(String path, String deliveryId, String signature, String event, byte[] body,
			Instant receivedAt, long receivedNanos) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * Whether the signature header is the HMAC-SHA256 of the body under this secret.
		 */
		public boolean signedWith(String secret) {
			if (this.signature == null || !this.signature.startsWith("sha256=")) {
				return false;
			}
			return MessageDigest.isEqual(this.signature.getBytes(StandardCharsets.US_ASCII),
					sign(secret, this.body).getBytes(StandardCharsets.US_ASCII));
		}

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Delivery> deliveries = new ArrayList<>();

	private volatile ToIntFunction<Delivery> answer = (delivery) -> 202;

	private volatile Duration delay = Duration.ZERO;

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not open the test receiver", ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (exchange) -> {
			try (exchange) {
				long nanos = System.nanoTime();
				Instant at = Instant.now();
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				var headers = exchange.getRequestHeaders();
				Delivery delivery = new Delivery(exchange.getRequestURI().getPath(),
						headers.getFirst("X-Lockstep-Delivery"), headers.getFirst("X-Lockstep-Signature"),
						headers.getFirst("X-Lockstep-Event"), body, at, nanos);
				if (!"POST".equals(exchange.getRequestMethod())) {
					exchange.sendResponseHeaders(405, -1);
					return;
				}
				synchronized (this.deliveries) {
					this.deliveries.add(delivery);
				}
				Duration pause = this.delay;
				if (!pause.isZero()) {
					try {
						Thread.sleep(pause);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				exchange.sendResponseHeaders(this.answer.applyAsInt(delivery), -1);
			}
		});
		this.server.start();
	}

	/** The hook URL to configure as the webhook target. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Answers every delivery with this status from now on. */
	public WebhookReceiver answering(int status) {
		this.answer = (delivery) -> status;
		return this;
	}

	public WebhookReceiver answering(ToIntFunction<Delivery> answer) {
		this.answer = answer;
		return this;
	}

	/** Takes this long to answer each delivery (a deployer doing some work). */
	public WebhookReceiver slowedBy(Duration delay) {
		this.delay = delay;
		return this;
	}

	public List<Delivery> deliveries() {
		synchronized (this.deliveries) {
			return List.copyOf(this.deliveries);
		}
	}

	public int count() {
		synchronized (this.deliveries) {
			return this.deliveries.size();
		}
	}

	/** How many deliveries each delivery id had (more than one is a duplicate). */
	public Map<String, Long> countsByDeliveryId() {
		return deliveries().stream().collect(Collectors.groupingBy(Delivery::deliveryId, Collectors.counting()));
	}

	/**
	 * Waits, polling every 50 ms, until the condition holds or the deadline passes (then
	 * fails with the message).
	 */
	public static void await(Duration deadline, String what, BooleanSupplier condition) {
		long end = System.nanoTime() + deadline.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for " + what, ex);
			}
		}
	}

	/** {@code sha256=} and the hex HMAC-SHA256 of the body: what a receiver computes. */
	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
