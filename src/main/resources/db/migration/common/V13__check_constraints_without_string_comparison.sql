-- H2 2.4.240 evaluates a check constraint that compares strings (=, IN, LIKE ... OR) with the session that created
-- it. On a new database that is the migration's connection; once the pool retires that connection, every insert
-- into the table fails with "Check constraint invalid", until the next start re-reads the schema. regexp_like (H2,
-- and PostgreSQL 15 and later) does not compare through the session, so the same rules are written with it.
alter table outgoing_mail drop constraint ck_outgoing_mail_status;
alter table outgoing_mail add constraint ck_outgoing_mail_status
    check (regexp_like(status, '^(QUEUED|SENDING|SENT|FAILED)$'));

alter table account_token drop constraint ck_account_token_purpose;
alter table account_token add constraint ck_account_token_purpose
    check (regexp_like(purpose, '^(VERIFY_EMAIL|RESET_PASSWORD|CHANGE_EMAIL)$'));
