package app.lockstep.domain.project;

import java.util.List;

public record ProjectWithEnvironments(Project project, List<Environment> environments) {
}
