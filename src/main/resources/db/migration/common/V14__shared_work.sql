-- What several nodes on one database must agree on.

-- A moderator has a comment open (module moderation): others see "being reviewed by" until the claim lapses. One row a
-- comment, so of two moderators claiming it at once the database lets one in. No foreign key: a claim is short-lived,
-- and a comment that goes away takes nothing with it that matters.
create table moderation_claim (
    comment_id     bigint                   not null primary key,
    moderator_id   bigint                   not null,
    moderator_name varchar(160)             not null,
    claimed_until  timestamp with time zone not null
);
-- The sweep of lapsed claims.
create index ix_moderation_claim_until on moderation_claim (claimed_until);

-- ShedLock's locks (base.Scheduling): which node runs a piece of scheduled work, and until when at most. The times are
-- the database's own (usingDbTime), so the nodes' clocks need not agree.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
