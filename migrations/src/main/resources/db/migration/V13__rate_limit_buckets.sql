-- Lockstep schema, version 13: rate limits shared by every instance.
--
-- One token bucket per limit and key (a client network, an email address, a hook id), keyed by the SHA-256 of
-- '<limit>:<key>' so that no address or email is stored. take_rate_limit refills the bucket for the time elapsed,
-- takes one request when it can, and answers 0, or how many seconds until the next request would be allowed; the
-- row lock makes concurrent takes on one key count one after another, on any instance. Not tenant data: no row-level
-- security, like login_attempts.
create table lockstep.rate_limit_buckets (
    bucket_key  text primary key,
    tokens      double precision not null,
    updated_at  timestamptz not null,
    constraint rate_limit_buckets_key_format check (bucket_key ~ '^[0-9a-f]{64}$')
);

create index rate_limit_buckets_updated_idx on lockstep.rate_limit_buckets (updated_at);

create function lockstep.take_rate_limit(p_key text, p_burst double precision, p_refill_seconds double precision,
                                         p_now timestamptz) returns double precision
    language plpgsql
    as $$
declare
    available double precision;
    last_at timestamptz;
begin
    insert into lockstep.rate_limit_buckets (bucket_key, tokens, updated_at) values (p_key, p_burst, p_now)
        on conflict (bucket_key) do nothing;
    select tokens, updated_at into available, last_at from lockstep.rate_limit_buckets
        where bucket_key = p_key for update;
    -- A clock behind the last one (another instance's, a few milliseconds off) refills nothing rather than taking
    -- away, and the bucket's time follows the latest caller.
    available := least(p_burst, available + greatest(0, extract(epoch from (p_now - last_at))) / p_refill_seconds);
    if available >= 1 then
        update lockstep.rate_limit_buckets set tokens = available - 1, updated_at = p_now where bucket_key = p_key;
        return 0;
    end if;
    update lockstep.rate_limit_buckets set tokens = available, updated_at = p_now where bucket_key = p_key;
    return (1 - available) * p_refill_seconds;
end
$$;
