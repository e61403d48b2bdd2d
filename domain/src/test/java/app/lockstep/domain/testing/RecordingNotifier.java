package app.lockstep.domain.testing;

import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.deploy.DeploymentNotifier;

/** Keeps the notices a use case sends, for assertions. */
public final class RecordingNotifier implements DeploymentNotifier {

	private final List<Notice> sent = new ArrayList<>();

	@Override
	public void send(Notice notice) {
		this.sent.add(notice);
	}

	public List<Notice> sent() {
		return List.copyOf(this.sent);
	}

}
