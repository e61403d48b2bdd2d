package app.lockstep.domain.template;

import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.window.WindowRules;
import org.jspecify.annotations.Nullable;

/**
 * One environment of a template: name, tier, branch pattern, its own approval gate and
 * windows (null: its tier's default) and how it is deployed (a webhook's URL and secret
 * are each project's own, so only the type is kept).
 */
public record TemplateEnvironment(String name, Tier tier, @Nullable String branchPattern, @Nullable ApprovalPolicy gate,
		@Nullable WindowRules windows, DeployTarget.Type targetType) {
}
