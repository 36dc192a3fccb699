-- Notifications and outbound events (issue 16). Every billing change that someone is told of is
-- an event row, written in the transaction of the change (the outbox). A dispatcher fans each
-- event out to its deliveries (one row per channel and target: the viewer, the operations chat,
-- each registered webhook endpoint) and sends them, at least once, in order per subscription and
-- target, with retries; deliveries that keep failing are parked (DEAD).

-- The first outbox, never written, gives way to events and their deliveries.
DROP TABLE billing.outbox;

-- The viewer's language, for what is sent to them.
ALTER TABLE billing.account ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en';
ALTER TABLE billing.account ADD CONSTRAINT ck_account_language CHECK (language IN ('en', 'ru'));

CREATE TABLE billing.outbox_event (
    seq             bigint       GENERATED ALWAYS AS IDENTITY,
    id              uuid         NOT NULL,
    type            varchar(64)  NOT NULL,
    version         int          NOT NULL,
    account_id      uuid,
    subscription_id uuid,
    -- The event as delivered: {"id", "type", "version", "created_at", "data": {...}}.
    payload         text         NOT NULL,
    -- For events announced once per occasion (renewal.upcoming: per subscription and period).
    dedupe_key      varchar(200),
    created_at      timestamptz  NOT NULL,
    fanned_out_at   timestamptz,
    CONSTRAINT pk_outbox_event PRIMARY KEY (seq),
    CONSTRAINT uq_outbox_event_id UNIQUE (id),
    CONSTRAINT uq_outbox_event_dedupe_key UNIQUE (dedupe_key)
);

CREATE INDEX ix_outbox_event_not_fanned_out ON billing.outbox_event (seq)
    WHERE fanned_out_at IS NULL;

-- The cinema's systems that are told of events (Stripe's webhook endpoints, the other way round).
CREATE TABLE billing.webhook_endpoint (
    id          uuid          NOT NULL,
    url         varchar(2048) NOT NULL,
    -- '*' or event names, comma-separated.
    events      varchar(2000) NOT NULL,
    secret      varchar(100)  NOT NULL,
    description varchar(200),
    enabled     boolean       NOT NULL DEFAULT true,
    created_at  timestamptz   NOT NULL,
    deleted_at  timestamptz,
    CONSTRAINT pk_webhook_endpoint PRIMARY KEY (id)
);

CREATE TABLE billing.notification (
    id              uuid          NOT NULL,
    event_seq       bigint        NOT NULL,
    channel         varchar(16)   NOT NULL,
    -- Who receives it: 'viewer', 'operations', or the webhook endpoint's id. Deliveries to one
    -- target about one subscription go out in the events' order.
    target          varchar(64)   NOT NULL,
    endpoint_id     uuid,
    account_id      uuid,
    subscription_id uuid,
    event_type      varchar(64)   NOT NULL,
    subject         varchar(300),
    status          varchar(8)    NOT NULL DEFAULT 'PENDING',
    attempts        int           NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    created_at      timestamptz   NOT NULL,
    sent_at         timestamptz,
    last_error      varchar(1000),
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT fk_notification_event FOREIGN KEY (event_seq)
        REFERENCES billing.outbox_event (seq),
    CONSTRAINT fk_notification_endpoint FOREIGN KEY (endpoint_id)
        REFERENCES billing.webhook_endpoint (id),
    CONSTRAINT uq_notification_event_target UNIQUE (event_seq, channel, target),
    CONSTRAINT ck_notification_channel CHECK (channel IN ('log', 'email', 'telegram', 'webhook')),
    CONSTRAINT ck_notification_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    CONSTRAINT ck_notification_attempts CHECK (attempts >= 0)
);

CREATE INDEX ix_notification_due ON billing.notification (next_attempt_at)
    WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX ix_notification_open_in_order
    ON billing.notification (channel, target, subscription_id, event_seq)
    WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX ix_notification_account ON billing.notification (account_id, created_at DESC);
CREATE INDEX ix_notification_endpoint ON billing.notification (endpoint_id, created_at DESC)
    WHERE endpoint_id IS NOT NULL;
CREATE INDEX ix_notification_status ON billing.notification (status, created_at DESC);
