package app.lockstep.persistence.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.notify.ChannelKind;
import app.lockstep.domain.notify.NotificationChannel;
import app.lockstep.domain.notify.NotificationChannels;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.NotificationChannelsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.NOTIFICATION_CHANNELS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;

/**
 * Notification channels, the project's slug joined; a secret stays sealed (key id and
 * ciphertext columns); events are kept by key.
 */
@Repository
class JooqNotificationChannels implements NotificationChannels {

	private final DSLContext dsl;

	JooqNotificationChannels(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public List<NotificationChannel> list(OrgId org) {
		return select(NOTIFICATION_CHANNELS.ORG_ID.eq(org))
			.orderBy(NOTIFICATION_CHANNELS.PROJECT_ID.isNull().desc(), PROJECTS.SLUG, NOTIFICATION_CHANNELS.NAME)
			.fetch(JooqNotificationChannels::toChannel);
	}

	@Override
	public Optional<NotificationChannel> find(OrgId org, UUID id) {
		return select(NOTIFICATION_CHANNELS.ORG_ID.eq(org).and(NOTIFICATION_CHANNELS.ID.eq(id)))
			.fetchOptional(JooqNotificationChannels::toChannel);
	}

	@Override
	public void insert(OrgId org, NotificationChannel channel) {
		SealedSecret secret = channel.secret();
		NotificationChannelsRecord record = new NotificationChannelsRecord();
		record.setOrgId(org);
		record.setId(channel.id());
		record.setProjectId(channel.project());
		record.setKind(channel.kind().name());
		record.setName(channel.name());
		record.setDisplay(channel.display());
		record.setUrl(channel.url());
		record.setSecretKeyId((secret != null) ? secret.keyId() : null);
		record.setSecretSealed((secret != null) ? secret.sealed() : null);
		record.setRecipients(channel.recipients().toArray(String[]::new));
		record.setEvents(keys(channel.events()));
		record.setEnabled(channel.enabled());
		record.setCreatedAt(channel.createdAt());
		record.setCreatedByName(channel.createdBy());
		this.dsl.insertInto(NOTIFICATION_CHANNELS).set(record).execute();
	}

	@Override
	public void update(OrgId org, NotificationChannel channel) {
		this.dsl.update(NOTIFICATION_CHANNELS)
			.set(NOTIFICATION_CHANNELS.NAME, channel.name())
			.set(NOTIFICATION_CHANNELS.EVENTS, keys(channel.events()))
			.set(NOTIFICATION_CHANNELS.ENABLED, channel.enabled())
			.where(NOTIFICATION_CHANNELS.ORG_ID.eq(org).and(NOTIFICATION_CHANNELS.ID.eq(channel.id())))
			.execute();
	}

	@Override
	public boolean delete(OrgId org, UUID id) {
		return this.dsl.deleteFrom(NOTIFICATION_CHANNELS)
			.where(NOTIFICATION_CHANNELS.ORG_ID.eq(org).and(NOTIFICATION_CHANNELS.ID.eq(id)))
			.execute() > 0;
	}

	@Override
	public List<NotificationChannel> listening(OrgId org, @Nullable ProjectId project, NotificationEvent event) {
		Condition scope = NOTIFICATION_CHANNELS.PROJECT_ID.isNull();
		if (project != null) {
			scope = scope.or(NOTIFICATION_CHANNELS.PROJECT_ID.eq(project));
		}
		return select(NOTIFICATION_CHANNELS.ORG_ID.eq(org)
			.and(NOTIFICATION_CHANNELS.ENABLED.isTrue())
			.and(scope)
			.and(DSL.val(event.key()).eq(DSL.any(NOTIFICATION_CHANNELS.EVENTS))))
			.fetch(JooqNotificationChannels::toChannel);
	}

	@Override
	public List<OrgId> organizationsListeningTo(NotificationEvent event) {
		return this.dsl.selectDistinct(NOTIFICATION_CHANNELS.ORG_ID)
			.from(NOTIFICATION_CHANNELS)
			.where(NOTIFICATION_CHANNELS.ENABLED.isTrue()
				.and(DSL.val(event.key()).eq(DSL.any(NOTIFICATION_CHANNELS.EVENTS))))
			.fetch(NOTIFICATION_CHANNELS.ORG_ID);
	}

	private org.jooq.SelectOnConditionStep<Record> selectFrom() {
		return this.dsl.select(NOTIFICATION_CHANNELS.fields())
			.select(PROJECTS.SLUG)
			.from(NOTIFICATION_CHANNELS)
			.leftJoin(PROJECTS)
			.on(PROJECTS.ORG_ID.eq(NOTIFICATION_CHANNELS.ORG_ID).and(PROJECTS.ID.eq(NOTIFICATION_CHANNELS.PROJECT_ID)));
	}

	private org.jooq.SelectConditionStep<Record> select(Condition condition) {
		return selectFrom().where(condition);
	}

	private static String[] keys(Set<NotificationEvent> events) {
		return events.stream().sorted().map(NotificationEvent::key).toArray(String[]::new);
	}

	private static NotificationChannel toChannel(Record row) {
		NotificationChannelsRecord record = row.into(NOTIFICATION_CHANNELS);
		SealedSecret secret = (record.getSecretKeyId() != null && record.getSecretSealed() != null)
				? new SealedSecret(record.getSecretKeyId(), record.getSecretSealed()) : null;
		Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
		for (String key : record.getEvents()) {
			NotificationEvent.fromKey(key).ifPresent(events::add);
		}
		return new NotificationChannel(record.getId(), record.getProjectId(), row.get(PROJECTS.SLUG),
				ChannelKind.valueOf(record.getKind()), record.getName(), record.getDisplay(), record.getUrl(), secret,
				Arrays.asList(record.getRecipients()), events, record.getEnabled(), record.getCreatedAt(),
				record.getCreatedByName());
	}

}
