package app.lockstep.domain.deploy;

import java.util.List;

/**
 * Tells people about deployments that need them: eligible approvers about a new request,
 * leads about an emergency. Called inside the unit of work; an adapter sends only after
 * it commits and never fails the change (mail is best effort, the queue pages are the
 * record).
 */
public interface DeploymentNotifier {

	/** One message to a few people. */
	record Notice(List<String> to, String subject, String body) {
	}

	void send(Notice notice);

	DeploymentNotifier NONE = (notice) -> {
	};

}
