package app.lockstep.domain.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.deploy.DeployerClient;

/**
 * A {@link DeployerClient} that answers what the test scripted, in order
 * ({@link #answer}; accepted when nothing is left), and records every delivery it was
 * asked to make.
 */
public final class ScriptedDeployerClient implements DeployerClient {

	/** One delivery as the deployer would receive it. */
	public record Delivery(String url, String secret, UUID deliveryId, Payload payload) {
	}

	private final Deque<Result> answers = new ArrayDeque<>();

	private final List<Delivery> deliveries = new ArrayList<>();

	/** The next answers, in order. */
	public synchronized ScriptedDeployerClient answer(Result... results) {
		this.answers.addAll(List.of(results));
		return this;
	}

	public synchronized List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	@Override
	public synchronized Result deliver(String url, String secret, UUID deliveryId, Payload payload) {
		this.deliveries.add(new Delivery(url, secret, deliveryId, payload));
		Result next = this.answers.poll();
		return (next != null) ? next : Result.accepted("202 Accepted");
	}

}
