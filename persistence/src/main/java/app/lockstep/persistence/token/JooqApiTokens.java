package app.lockstep.persistence.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.token.ApiTokens;
import app.lockstep.domain.access.Scope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.API_TOKENS;
import static app.lockstep.persistence.jooq.Tables.USERS;

@Repository
class JooqApiTokens implements ApiTokens {

	private final DSLContext dsl;

	JooqApiTokens(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void add(ApiToken token, String tokenHash) {
		this.dsl.insertInto(API_TOKENS)
			.set(API_TOKENS.ORG_ID, token.org())
			.set(API_TOKENS.ID, token.id())
			.set(API_TOKENS.NAME, token.name())
			.set(API_TOKENS.TOKEN_HASH, tokenHash)
			.set(API_TOKENS.PREFIX, token.prefix())
			.set(API_TOKENS.SCOPES, token.scopeValues().toArray(String[]::new))
			.set(API_TOKENS.PROJECT_SLUG, token.projectSlug())
			.set(API_TOKENS.ENVIRONMENT_NAME, token.environmentName())
			.set(API_TOKENS.CREATED_BY, token.createdBy())
			.set(API_TOKENS.CREATED_AT, token.createdAt())
			.set(API_TOKENS.EXPIRES_AT, token.expiresAt())
			.execute();
	}

	@Override
	public Optional<ApiToken> findByHash(String tokenHash) {
		return select(API_TOKENS.TOKEN_HASH.eq(tokenHash)).stream().findFirst();
	}

	@Override
	public Optional<ApiToken> find(OrgId org, UUID id) {
		return select(API_TOKENS.ORG_ID.eq(org).and(API_TOKENS.ID.eq(id))).stream().findFirst();
	}

	@Override
	public List<ApiToken> list(OrgId org) {
		return select(API_TOKENS.ORG_ID.eq(org));
	}

	@Override
	public List<ApiToken> listCreatedBy(OrgId org, UserId user) {
		return select(API_TOKENS.ORG_ID.eq(org).and(API_TOKENS.CREATED_BY.eq(user)));
	}

	@Override
	public boolean markRevoked(OrgId org, UUID id, Instant at) {
		return this.dsl.update(API_TOKENS)
			.set(API_TOKENS.REVOKED_AT, at)
			.where(API_TOKENS.ORG_ID.eq(org).and(API_TOKENS.ID.eq(id)).and(API_TOKENS.REVOKED_AT.isNull()))
			.execute() == 1;
	}

	@Override
	public boolean recordUse(OrgId org, UUID id, Instant at, Instant unlessUsedSince) {
		return this.dsl.update(API_TOKENS)
			.set(API_TOKENS.LAST_USED_AT, at)
			.where(API_TOKENS.ORG_ID.eq(org)
				.and(API_TOKENS.ID.eq(id))
				.and(API_TOKENS.LAST_USED_AT.isNull().or(API_TOKENS.LAST_USED_AT.lt(unlessUsedSince))))
			.execute() > 0;
	}

	private List<ApiToken> select(Condition condition) {
		return this.dsl.select(API_TOKENS.fields())
			.select(USERS.NAME)
			.from(API_TOKENS)
			.join(USERS)
			.on(USERS.ID.eq(API_TOKENS.CREATED_BY))
			.where(condition)
			.orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID)
			.fetch(JooqApiTokens::toToken);
	}

	private static ApiToken toToken(Record record) {
		List<Scope> scopes = Arrays.stream(record.get(API_TOKENS.SCOPES))
			.map(Scope::parse)
			.flatMap(Optional::stream)
			.toList();
		return new ApiToken(record.get(API_TOKENS.ORG_ID), record.get(API_TOKENS.ID), record.get(API_TOKENS.NAME),
				record.get(API_TOKENS.PREFIX), scopes, record.get(API_TOKENS.PROJECT_SLUG),
				record.get(API_TOKENS.ENVIRONMENT_NAME), record.get(API_TOKENS.CREATED_BY), record.get(USERS.NAME),
				record.get(API_TOKENS.CREATED_AT), record.get(API_TOKENS.EXPIRES_AT),
				record.get(API_TOKENS.LAST_USED_AT), record.get(API_TOKENS.REVOKED_AT));
	}

}
