package app.lockstep.domain.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record Project(ProjectId id, String slug, String name, @Nullable String repositoryUrl,
		@Nullable String description, Instant createdAt) {
}
