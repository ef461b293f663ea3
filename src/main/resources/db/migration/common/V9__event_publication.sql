-- Spring Modulith's event publication registry (spring-modulith-events-jpa): a publication is stored in the same
-- transaction as the change that caused it and completed once its listener has done its work, so work that must not be
-- lost is resubmitted after a crash. Completed publications are deleted (spring.modulith.events.completion-mode).
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       varchar(4000)            not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer                  not null default 0,
    last_resubmission_date timestamp with time zone
);
create index ix_event_publication_incomplete on event_publication (completion_date, publication_date);

