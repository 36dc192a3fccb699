-- Recurring billing at scale (issue 15): dunning state per subscription, and a record of the
-- renewal passes.

-- A PAST_DUE subscription's declined renewal is retried on a schedule counted from the first
-- decline (past_due_since); retry_at is the next attempt, null once the last one has failed.
ALTER TABLE billing.subscription ADD COLUMN renewal_failures int NOT NULL DEFAULT 0;
ALTER TABLE billing.subscription ADD COLUMN past_due_since timestamptz;
ALTER TABLE billing.subscription ADD COLUMN retry_at timestamptz;
ALTER TABLE billing.subscription
    ADD CONSTRAINT ck_subscription_renewal_failures_non_negative CHECK (renewal_failures >= 0);
-- Subscriptions past due before this change: one decline so far, retried a day after it.
UPDATE billing.subscription
    SET renewal_failures = 1, past_due_since = updated_at, retry_at = updated_at + interval '1 day'
    WHERE status = 'PAST_DUE';

-- The engine's claim: renewing subscriptions soonest first, and past-due ones by their retry.
CREATE INDEX ix_subscription_active_renewing ON billing.subscription (current_period_end)
    WHERE status = 'ACTIVE' AND NOT cancel_at_period_end;
CREATE INDEX ix_subscription_past_due_retry ON billing.subscription (retry_at)
    WHERE status = 'PAST_DUE';

-- One row per renewal pass that did something (or that an administrator started).
CREATE TABLE billing.renewal_run (
    id          uuid         NOT NULL,
    trigger     varchar(16)  NOT NULL,
    status      varchar(16)  NOT NULL,
    started_at  timestamptz  NOT NULL,
    finished_at timestamptz,
    renewed     int          NOT NULL DEFAULT 0,
    failed      int          NOT NULL DEFAULT 0,
    past_due    int          NOT NULL DEFAULT 0,
    expired     int          NOT NULL DEFAULT 0,
    canceled    int          NOT NULL DEFAULT 0,
    awaiting    int          NOT NULL DEFAULT 0,
    errors      int          NOT NULL DEFAULT 0,
    last_error  text,
    CONSTRAINT pk_renewal_run PRIMARY KEY (id),
    CONSTRAINT ck_renewal_run_trigger CHECK (trigger IN ('schedule', 'administrator')),
    CONSTRAINT ck_renewal_run_status CHECK (status IN ('RUNNING', 'FINISHED'))
);

CREATE INDEX ix_renewal_run_started ON billing.renewal_run (started_at DESC);
