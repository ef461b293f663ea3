-- A page of a post's top-level comments, oldest or newest first, read from the index in order: without it the database
-- took every top-level comment on the site (ix_comment_parent) and sorted them for each page.
create index ix_comment_post_top_level on comment (post_id, parent_id, created_at, id);
