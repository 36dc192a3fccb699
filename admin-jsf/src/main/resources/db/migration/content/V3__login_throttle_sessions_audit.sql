-- Issue 14, the admin panel's edges: slowed password guessing, sessions that end when a manager
-- changes, and an audit trail of what managers do to money and the catalog.

-- Raised whenever a manager's password changes or the manager is deactivated. A session keeps
-- the value it logged in with; a request whose session holds another value is logged out, on
-- whichever instance it arrives (SessionCheckFilter).
ALTER TABLE content.manager ADD COLUMN session_version bigint NOT NULL DEFAULT 0;

-- Failed logins counted per subject: a username ('user:<lower-case name>') or a client address
-- ('address:<ip>'), in a fixed window that starts at the first failure. In the database, so that
-- every instance counts the same failures. Rows are small and rewritten in place.
CREATE TABLE content.login_failure (
    subject         varchar(320) NOT NULL,
    failures        integer      NOT NULL,
    window_start    timestamptz  NOT NULL,
    CONSTRAINT pk_login_failure PRIMARY KEY (subject),
    CONSTRAINT ck_login_failure_counted CHECK (failures >= 0)
);

-- What managers did to money and the catalog: one row per action, written in the action's own
-- transaction (catalog, managers) or right after billing answered (refunds). Never updated.
CREATE TABLE content.audit_event (
    id           bigint       GENERATED ALWAYS AS IDENTITY,
    occurred_at  timestamptz  NOT NULL,
    actor        varchar(64)  NOT NULL,
    action       varchar(64)  NOT NULL,
    target_type  varchar(32)  NOT NULL,
    target_id    varchar(64),
    details      text,
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
);

-- The audit page lists newest first, narrowed by actor, action or target.
CREATE INDEX ix_audit_event_occurred ON content.audit_event (occurred_at DESC, id DESC);
CREATE INDEX ix_audit_event_actor ON content.audit_event (lower(actor), occurred_at DESC);
CREATE INDEX ix_audit_event_target ON content.audit_event (target_id, occurred_at DESC);
