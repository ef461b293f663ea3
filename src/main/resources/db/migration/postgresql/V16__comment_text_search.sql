-- The moderators' text search asks for lower(body) like '%words%'. A trigram index answers that from the index on
-- PostgreSQL instead of reading every comment (pg_trgm is a trusted extension: the database's owner may create it).
-- H2 has no such index; its search reads the comments of the chosen queue.
create extension if not exists pg_trgm;
create index ix_comment_body_trigrams on comment using gin (lower(body) gin_trgm_ops);
