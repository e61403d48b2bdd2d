package app.lockstep.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a person's browser sessions other than the one they are using, on every instance
 * (sessions live in the database): when they switch on two-factor authentication, a
 * session someone else opened with their password alone must not outlive the change.
 * Sessions are found by the name Spring Session indexes, the signed-in person's email.
 */
@Component
class OtherSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	OtherSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends them; answers how many there were. */
	int end(String email, HttpServletRequest request) {
		HttpSession current = request.getSession(false);
		String keep = (current != null) ? current.getId() : null;
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(email).keySet()) {
			if (!id.equals(keep)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
