-- The sign-in and registration limits, kept in the database so that every node behind the load balancer counts
-- against the same ones.

-- Failed sign-ins per e-mail (lower case, at most 256 characters) and client address (module security). A row whose
-- last failure is older than the throttle's memory counts as none and is deleted.
create table sign_in_failure (
    email_key      varchar(256)             not null,
    address        varchar(100)             not null,
    failures       integer                  not null,
    last_failed_at timestamp with time zone not null,
    constraint pk_sign_in_failure primary key (email_key, address)
);
create index ix_sign_in_failure_last_failed on sign_in_failure (last_failed_at);

-- Bucket4j's buckets (the id names the limit and its key; state is Bucket4j's own serialised form). expires_at, in
-- milliseconds since 1970, is when the bucket will be full again: from then on a missing row means the same, so
-- expired rows are deleted. Each module has its own table: failures per client address (security), and the account
-- module's registration and mail-link allowances.
create table sign_in_bucket (
    id         varchar(300) not null primary key,
    state      bytea,
    expires_at bigint
);
create index ix_sign_in_bucket_expires on sign_in_bucket (expires_at);

create table account_limit_bucket (
    id         varchar(300) not null primary key,
    state      bytea,
    expires_at bigint
);
create index ix_account_limit_bucket_expires on account_limit_bucket (expires_at);
