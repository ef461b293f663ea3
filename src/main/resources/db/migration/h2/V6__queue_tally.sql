-- What the moderator (or a rule) tells the author when their comment is not published. Only the author sees it.
alter table comment add column author_note varchar(600);

-- Queue sizes without counting a million rows. A trigger adds each comment's move from one bucket to another to
-- this tally, in the same transaction as the move itself, so the figures cannot drift. Each database session writes
-- its own slot (its session id modulo 64), so concurrent writers do not wait for one another's counter rows; a count
-- is the sum of a bucket's slots.
-- Buckets: PENDING, PUBLISHED, PUBLISHED_REPORTED (published with open reports), REJECTED, DELETED.
create table comment_tally (
    bucket   varchar(30) not null,
    slot     int         not null,
    comments bigint      not null,
    primary key (bucket, slot)
);

insert into comment_tally (bucket, slot, comments)
select buckets.bucket, slots.x, 0
from (values ('PENDING'), ('PUBLISHED'), ('PUBLISHED_REPORTED'), ('REJECTED'), ('DELETED')) as buckets (bucket),
     system_range(0, 63) as slots;

merge into comment_tally tally
using (select bucket, count(*) as comments
       from (select case when status = 'PUBLISHED' and open_reports > 0 then 'PUBLISHED_REPORTED' else status end as bucket
             from comment) as current_buckets
       group by bucket) as counted
on tally.bucket = counted.bucket and tally.slot = 0
when matched then update set comments = counted.comments;

-- The class name is stored in the database: renaming the class needs a migration that recreates the trigger.
create trigger comment_tally_keeper after insert, update, delete on comment
    for each row call 'com.dateline.comment.CommentTallyTrigger';

-- A moderator's reason is up to 300 characters as readers count them, which is up to 600 as H2 counts them (UTF-16);
-- "Marked as spam by <name, up to 160>: <reason>" did not fit in 300.
alter table comment alter column status_reason set data type varchar(800);
alter table moderation_action alter column reason set data type varchar(600);

-- Reports a decision closed, so that undoing it opens them again.
alter table moderation_action add column open_reports_before int default 0 not null;
