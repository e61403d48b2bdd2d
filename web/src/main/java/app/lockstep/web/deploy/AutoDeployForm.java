package app.lockstep.web.deploy;

import java.util.Locale;

import app.lockstep.domain.deploy.AutoDeployRule;
import app.lockstep.domain.deploy.ConfigureAutoDeploy;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** The automatic deployment form of the deployment settings page, as typed. */
record AutoDeployForm(boolean enabled, String source, String tagPattern, String whenBlocked) {

	static AutoDeployForm of(@Nullable AutoDeployRule rule) {
		if (rule == null) {
			return new AutoDeployForm(false, "branch", "", "queue");
		}
		return new AutoDeployForm(true, rule.source().name().toLowerCase(Locale.ROOT),
				(rule.tagPattern() != null) ? rule.tagPattern() : "", rule.whenBlocked().value());
	}

	static AutoDeployForm from(HttpServletRequest request) {
		return new AutoDeployForm(request.getParameter("enabled") != null, text(request, "source"),
				text(request, "tagPattern"), text(request, "whenBlocked"));
	}

	ConfigureAutoDeploy.Input toInput() {
		return new ConfigureAutoDeploy.Input(this.enabled, this.source, this.tagPattern, this.whenBlocked);
	}

	public boolean followsTags() {
		return "tag".equals(this.source);
	}

	public boolean rejects() {
		return "reject".equals(this.whenBlocked);
	}

	private static String text(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return (value != null) ? value : "";
	}

}
