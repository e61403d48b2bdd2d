package app.lockstep.web.ops;

import java.util.UUID;

import app.lockstep.domain.deploy.DeployerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The deployer client with each delivery counted by outcome
 * ({@code lockstep.deployer.deliveries}: accepted, retry, refused).
 */
final class MeteredDeployerClient implements DeployerClient {

	private final DeployerClient delegate;

	private final ObjectProvider<LockstepMeters> meters;

	MeteredDeployerClient(DeployerClient delegate, ObjectProvider<LockstepMeters> meters) {
		this.delegate = delegate;
		this.meters = meters;
	}

	static BeanPostProcessor wrapping(ObjectProvider<LockstepMeters> meters) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DeployerClient client && !(bean instanceof MeteredDeployerClient))
						? new MeteredDeployerClient(client, meters) : bean;
			}
		};
	}

	@Override
	public Result deliver(String url, String secret, UUID deliveryId, Payload payload) {
		Result result = this.delegate.deliver(url, secret, deliveryId, payload);
		String outcome = result.accepted() ? "accepted" : result.retryable() ? "retry" : "refused";
		this.meters.ifAvailable((meters) -> meters.deployerDelivery(outcome));
		return result;
	}

}
