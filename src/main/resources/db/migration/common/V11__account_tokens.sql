-- A reader proves an address is theirs by opening a link sent there. Accounts made before this existed, and those
-- the site makes itself (demo accounts, the first administrator, imported authors), count as verified.
alter table account add column email_verified_at timestamp with time zone;
update account set email_verified_at = created_at;

-- The links sent by e-mail: verifying an address, resetting a password, moving an account to a new address. Only the
-- SHA-256 of a link's token is stored (hex), so a copy of the database opens no account; a link works once, until
-- expires_at.
create table account_token (
    id         uuid                     not null primary key,
    account_id bigint                   not null,
    purpose    varchar(20)              not null,
    token_hash varchar(64)              not null,
    -- For CHANGE_EMAIL: the address the account moves to when the link is opened.
    new_email  varchar(254),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint uk_account_token_hash unique (token_hash),
    constraint fk_account_token_account foreign key (account_id) references account (id),
    constraint ck_account_token_purpose check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'))
);
create index ix_account_token_account on account_token (account_id, purpose);
