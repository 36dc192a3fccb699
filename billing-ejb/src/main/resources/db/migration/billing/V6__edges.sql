-- Trust at the edges (issue 14).
--
-- Failed logins, counted per account (the login as typed, lower case) and per client address in
-- a window: past the limit, login is refused with 429 until the window has passed. A success
-- clears the account's count. Rows whose window has passed are deleted by housekeeping.
CREATE TABLE billing.login_throttle (
    scope        varchar(8)   NOT NULL,
    subject      varchar(255) NOT NULL,
    failures     int          NOT NULL,
    window_start timestamptz  NOT NULL,
    CONSTRAINT pk_login_throttle PRIMARY KEY (scope, subject),
    CONSTRAINT ck_login_throttle_scope CHECK (scope IN ('account', 'address')),
    CONSTRAINT ck_login_throttle_failures_positive CHECK (failures > 0)
);
CREATE INDEX ix_login_throttle_window_start ON billing.login_throttle (window_start);

-- Idempotency records expire after 24 hours (as Stripe's keys do): housekeeping deletes them by
-- their creation time (V1's ix_idempotency_record_created serves it), and a key seen again after
-- that starts afresh.

-- The audit trail nothing wrote to: admin actions are audited by the admin panel, with the
-- manager's own login (content.audit_event).
DROP TABLE billing.audit_log;
