package app.lockstep.domain.notify;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/** The port for notification channels. */
public interface NotificationChannels {

	/** The organization's channels, organization-wide ones first, then by name. */
	List<NotificationChannel> list(OrgId org);

	Optional<NotificationChannel> find(OrgId org, UUID id);

	void insert(OrgId org, NotificationChannel channel);

	/** Writes a channel's name, events and switch. */
	void update(OrgId org, NotificationChannel channel);

	boolean delete(OrgId org, UUID id);

	/**
	 * The enabled channels listening to the event for the project: the organization-wide
	 * ones and the project's own (only organization-wide ones when {@code project} is
	 * null).
	 */
	List<NotificationChannel> listening(OrgId org, @Nullable ProjectId project, NotificationEvent event);

	/** Across organizations (scheduler): those with an enabled channel for the event. */
	List<OrgId> organizationsListeningTo(NotificationEvent event);

}
