-- A ban can end by itself: the account may sign in and comment again from this moment.
alter table account add column disabled_until timestamp with time zone;

-- Readers a moderator trusts: their comments skip pre-moderation (hold rules still apply).
create table commenter (
    author_id bigint  primary key references account (id),
    trusted   boolean not null
);
