-- Editors keep drafts. A post that is not a draft is Scheduled until its publication time, Published after it.
alter table post add column draft boolean default false not null;
-- A deleted post leaves every reader route at once; its row stays for the comments and history that point at it.
alter table post add column deleted_at timestamp with time zone;
-- Two editors saving the same post: the second is told, nothing is overwritten.
alter table post add column version bigint default 0 not null;
alter table post add column updated_at timestamp with time zone;
-- The WordPress GUID of an imported post: importing the same file again adds nothing twice.
alter table post add column import_key varchar(500);
alter table post add constraint uk_post_import_key unique (import_key);

-- An imported comment's key (the post's GUID and the WordPress comment id), for the same reason.
alter table comment add column import_key varchar(600);
alter table comment add constraint uk_comment_import_key unique (import_key);

-- Commenters of an imported archive who have no account here: a display name that can never sign in.
alter table account add column imported boolean default false not null;
