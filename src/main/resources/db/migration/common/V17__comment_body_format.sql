-- How a comment's body is written: a reader's Markdown, or the HTML of an imported WordPress comment. Every comment
-- stored so far with an import key came from a WordPress export.
alter table comment add column body_format varchar(20) default 'MARKDOWN' not null;
update comment set body_format = 'WORDPRESS_HTML' where import_key is not null;
alter table comment add constraint ck_comment_body_format
    check (regexp_like(body_format, '^(MARKDOWN|WORDPRESS_HTML)$'));
