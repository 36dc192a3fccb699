-- Billing core owned by billing-ejb: viewer accounts, the ETL copy of the catalog,
-- subscriptions, invoices, payments and refunds, the webhook inbox, idempotency records,
-- the notification outbox, ETL state and the audit trail.
--
-- Money is numeric(12,2) plus an ISO 4217 currency code; times are timestamptz.
-- Enum-like columns are varchar with CHECK constraints. Every constraint and index is named:
-- the application maps violations of the uq_* names to business errors.
--
-- Runs on PostgreSQL 14+ (gen_random_uuid() is built in since 13).

-- Viewer accounts (the users of the HTTP API). Logins are unique ignoring case.
CREATE TABLE billing.account (
    id                   uuid         NOT NULL DEFAULT gen_random_uuid(),
    login                varchar(64)  NOT NULL,
    password_hash        varchar(512) NOT NULL,
    email                varchar(255) NOT NULL,
    full_name            varchar(255),
    phone                varchar(32),
    roles                varchar(64)  NOT NULL DEFAULT 'user',
    provider_customer_id varchar(255),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT ck_account_login_not_blank CHECK (login ~ '[^[:space:]]')
);

CREATE UNIQUE INDEX uq_account_login_lower ON billing.account (lower(login));
CREATE UNIQUE INDEX uq_account_provider_customer_id ON billing.account (provider_customer_id)
    WHERE provider_customer_id IS NOT NULL;

-- ETL copy of content.movie (same ids; created_at/updated_at/deleted_at as in the source).
CREATE TABLE billing.movie (
    id            uuid         NOT NULL,
    title         varchar(255) NOT NULL,
    description   text,
    creation_date date,
    rating        smallint,
    type          varchar(16)  NOT NULL DEFAULT 'movie',
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    synced_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_movie PRIMARY KEY (id),
    CONSTRAINT ck_movie_title_not_blank CHECK (title ~ '[^[:space:]]'),
    CONSTRAINT ck_movie_rating_range CHECK (rating BETWEEN 0 AND 100),
    CONSTRAINT ck_movie_type CHECK (type IN ('movie', 'tv_show'))
);

-- ETL copy of content.product (same ids; created_at/updated_at/deleted_at as in the source).
CREATE TABLE billing.product (
    id          uuid          NOT NULL,
    name        varchar(255)  NOT NULL,
    description text,
    price       numeric(12,2) NOT NULL,
    currency    char(3)       NOT NULL DEFAULT 'RUB',
    period      varchar(8)    NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    synced_at   timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_product PRIMARY KEY (id),
    CONSTRAINT ck_product_name_not_blank CHECK (name ~ '[^[:space:]]'),
    CONSTRAINT ck_product_price_positive CHECK (price > 0),
    CONSTRAINT ck_product_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_product_period CHECK (period IN ('day', 'month'))
);

-- ETL copy of content.product_movie: which movies a product contains (read by the access check).
CREATE TABLE billing.product_movie (
    id         uuid        NOT NULL,
    product_id uuid        NOT NULL,
    movie_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    synced_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_product_movie PRIMARY KEY (id),
    CONSTRAINT fk_product_movie_product FOREIGN KEY (product_id) REFERENCES billing.product (id),
    CONSTRAINT fk_product_movie_movie FOREIGN KEY (movie_id) REFERENCES billing.movie (id),
    CONSTRAINT uq_product_movie_product_movie UNIQUE (product_id, movie_id)
);

CREATE INDEX ix_product_movie_movie_id ON billing.product_movie (movie_id);

-- A viewer's subscription to a product. Price, currency and period are copied from the
-- product when subscribing. At most one open (PENDING/ACTIVE/PAST_DUE) subscription per
-- account and product: this is what stops a double subscribe from charging twice.
CREATE TABLE billing.subscription (
    id                   uuid          NOT NULL DEFAULT gen_random_uuid(),
    account_id           uuid          NOT NULL,
    product_id           uuid          NOT NULL,
    status               varchar(16)   NOT NULL DEFAULT 'PENDING',
    price                numeric(12,2) NOT NULL,
    currency             char(3)       NOT NULL,
    period               varchar(8)    NOT NULL,
    current_period_start timestamptz,
    current_period_end   timestamptz,
    cancel_at_period_end boolean       NOT NULL DEFAULT false,
    canceled_at          timestamptz,
    cancel_reason        varchar(255),
    version              bigint        NOT NULL DEFAULT 0,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_subscription PRIMARY KEY (id),
    CONSTRAINT fk_subscription_account FOREIGN KEY (account_id) REFERENCES billing.account (id),
    CONSTRAINT fk_subscription_product FOREIGN KEY (product_id) REFERENCES billing.product (id),
    CONSTRAINT ck_subscription_status
        CHECK (status IN ('PENDING', 'ACTIVE', 'PAST_DUE', 'CANCELED', 'EXPIRED')),
    CONSTRAINT ck_subscription_price_positive CHECK (price > 0),
    CONSTRAINT ck_subscription_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_subscription_period CHECK (period IN ('day', 'month')),
    CONSTRAINT ck_subscription_period_order CHECK (current_period_end > current_period_start)
);

CREATE UNIQUE INDEX uq_subscription_open_per_account_product
    ON billing.subscription (account_id, product_id)
    WHERE status IN ('PENDING', 'ACTIVE', 'PAST_DUE');
CREATE INDEX ix_subscription_account_status ON billing.subscription (account_id, status);
CREATE INDEX ix_subscription_product ON billing.subscription (product_id);
-- Renewal/expiry scans: open subscriptions whose period ends soonest.
CREATE INDEX ix_subscription_open_period_end ON billing.subscription (current_period_end)
    WHERE status IN ('ACTIVE', 'PAST_DUE');

-- An invoice for one billing period of a subscription; one per subscription and period start,
-- so a retried renewal cannot invoice the same period twice.
CREATE TABLE billing.invoice (
    id              uuid          NOT NULL DEFAULT gen_random_uuid(),
    subscription_id uuid          NOT NULL,
    account_id      uuid          NOT NULL,
    amount          numeric(12,2) NOT NULL,
    currency        char(3)       NOT NULL,
    period_start    timestamptz   NOT NULL,
    period_end      timestamptz   NOT NULL,
    status          varchar(16)   NOT NULL DEFAULT 'OPEN',
    paid_at         timestamptz,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_invoice PRIMARY KEY (id),
    CONSTRAINT fk_invoice_subscription FOREIGN KEY (subscription_id)
        REFERENCES billing.subscription (id),
    CONSTRAINT fk_invoice_account FOREIGN KEY (account_id) REFERENCES billing.account (id),
    CONSTRAINT ck_invoice_amount_non_negative CHECK (amount >= 0),
    CONSTRAINT ck_invoice_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_invoice_period_order CHECK (period_end > period_start),
    CONSTRAINT ck_invoice_status CHECK (status IN ('OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE')),
    CONSTRAINT uq_invoice_subscription_period UNIQUE (subscription_id, period_start)
);

CREATE INDEX ix_invoice_account_created ON billing.invoice (account_id, created_at DESC);

-- A payment attempt for an invoice through a provider (sandbox or stripe). At most one live or
-- settled payment per invoice; a FAILED or CANCELED one may be followed by a new attempt.
CREATE TABLE billing.payment (
    id                  uuid          NOT NULL DEFAULT gen_random_uuid(),
    invoice_id          uuid          NOT NULL,
    account_id          uuid          NOT NULL,
    amount              numeric(12,2) NOT NULL,
    currency            char(3)       NOT NULL,
    status              varchar(24)   NOT NULL DEFAULT 'CREATED',
    provider            varchar(32)   NOT NULL,
    provider_payment_id varchar(255),
    checkout_url        text,
    failure_code        varchar(64),
    failure_message     varchar(512),
    refunded_amount     numeric(12,2) NOT NULL DEFAULT 0,
    paid_at             timestamptz,
    version             bigint        NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT fk_payment_invoice FOREIGN KEY (invoice_id) REFERENCES billing.invoice (id),
    CONSTRAINT fk_payment_account FOREIGN KEY (account_id) REFERENCES billing.account (id),
    CONSTRAINT ck_payment_amount_positive CHECK (amount > 0),
    CONSTRAINT ck_payment_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_payment_status CHECK (status IN ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED',
                                                   'CANCELED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    CONSTRAINT ck_payment_refunded_amount CHECK (refunded_amount BETWEEN 0 AND amount),
    CONSTRAINT uq_payment_provider_ref UNIQUE (provider, provider_payment_id)
);

CREATE UNIQUE INDEX uq_payment_live_per_invoice ON billing.payment (invoice_id)
    WHERE status IN ('CREATED', 'PENDING', 'SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED');
CREATE INDEX ix_payment_account_created ON billing.payment (account_id, created_at DESC);
-- Reconciler: payments stuck in PENDING, oldest first.
CREATE INDEX ix_payment_pending_updated ON billing.payment (updated_at)
    WHERE status = 'PENDING';

-- Append-only history of payment status changes, with the cause of each.
CREATE TABLE billing.payment_transition (
    id          bigint       GENERATED ALWAYS AS IDENTITY,
    payment_id  uuid         NOT NULL,
    from_status varchar(24),
    to_status   varchar(24)  NOT NULL,
    cause       varchar(255) NOT NULL,
    occurred_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_payment_transition PRIMARY KEY (id),
    CONSTRAINT fk_payment_transition_payment FOREIGN KEY (payment_id)
        REFERENCES billing.payment (id),
    CONSTRAINT ck_payment_transition_from_status
        CHECK (from_status IN ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED',
                               'CANCELED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    CONSTRAINT ck_payment_transition_to_status
        CHECK (to_status IN ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED',
                             'CANCELED', 'REFUNDED', 'PARTIALLY_REFUNDED'))
);

CREATE INDEX ix_payment_transition_payment_occurred
    ON billing.payment_transition (payment_id, occurred_at);

-- A refund (full or partial) of a payment through its provider.
CREATE TABLE billing.refund (
    id                 uuid          NOT NULL DEFAULT gen_random_uuid(),
    payment_id         uuid          NOT NULL,
    amount             numeric(12,2) NOT NULL,
    currency           char(3)       NOT NULL,
    reason             varchar(512),
    status             varchar(16)   NOT NULL DEFAULT 'PENDING',
    provider_refund_id varchar(255),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT fk_refund_payment FOREIGN KEY (payment_id) REFERENCES billing.payment (id),
    CONSTRAINT ck_refund_amount_positive CHECK (amount > 0),
    CONSTRAINT ck_refund_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_refund_status CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED'))
);

CREATE UNIQUE INDEX uq_refund_provider_refund_id ON billing.refund (provider_refund_id)
    WHERE provider_refund_id IS NOT NULL;
CREATE INDEX ix_refund_payment ON billing.refund (payment_id);

-- Inbox of provider webhook events: the raw body is stored exactly as received, keyed by the
-- provider's event id so a redelivered event is a no-op, then processed asynchronously with
-- retries (attempts, next_attempt_at, last_error).
CREATE TABLE billing.webhook_event (
    id              bigint       GENERATED ALWAYS AS IDENTITY,
    provider        varchar(32)  NOT NULL,
    event_id        varchar(255) NOT NULL,
    event_type      varchar(128) NOT NULL,
    payload         text         NOT NULL,
    received_at     timestamptz  NOT NULL DEFAULT now(),
    processed_at    timestamptz,
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    last_error      text,
    CONSTRAINT pk_webhook_event PRIMARY KEY (id),
    CONSTRAINT ck_webhook_event_attempts_non_negative CHECK (attempts >= 0),
    CONSTRAINT uq_webhook_event_provider_event UNIQUE (provider, event_id)
);

CREATE INDEX ix_webhook_event_pending ON billing.webhook_event (next_attempt_at)
    WHERE processed_at IS NULL;

-- Idempotency-Key records: the first response to a (caller, key) pair, replayed for the same
-- request; request_hash tells a different request under the same key (-> 422).
-- response_status is null while the first request is still in flight.
CREATE TABLE billing.idempotency_record (
    account_id      uuid          NOT NULL,
    idempotency_key varchar(255)  NOT NULL,
    request_method  varchar(8)    NOT NULL,
    request_path    varchar(1024) NOT NULL,
    request_hash    char(64)      NOT NULL,
    response_status int,
    response_body   text,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (account_id, idempotency_key),
    CONSTRAINT ck_idempotency_record_response_status CHECK (response_status BETWEEN 100 AND 599)
);

CREATE INDEX ix_idempotency_record_created ON billing.idempotency_record (created_at);

-- Outbox of notifications to send (e.g. Telegram), written in the same transaction as the
-- change they announce and delivered later with retries.
CREATE TABLE billing.outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    topic           varchar(64) NOT NULL,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    CONSTRAINT pk_outbox PRIMARY KEY (id),
    CONSTRAINT ck_outbox_attempts_non_negative CHECK (attempts >= 0)
);

CREATE INDEX ix_outbox_pending ON billing.outbox (next_attempt_at)
    WHERE sent_at IS NULL;

-- ETL watermark per source table: the last (updated_at, id) copied, and a running row count.
CREATE TABLE billing.etl_state (
    table_name           varchar(64) NOT NULL,
    watermark_updated_at timestamptz NOT NULL,
    watermark_id         uuid        NOT NULL,
    rows_total           bigint      NOT NULL DEFAULT 0,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_etl_state PRIMARY KEY (table_name),
    CONSTRAINT ck_etl_state_rows_total_non_negative CHECK (rows_total >= 0)
);

-- Audit trail: who did what to which entity (manager actions, refunds, cancellations...).
CREATE TABLE billing.audit_log (
    id          bigint       GENERATED ALWAYS AS IDENTITY,
    actor       varchar(255) NOT NULL,
    action      varchar(64)  NOT NULL,
    entity_type varchar(64)  NOT NULL,
    entity_id   varchar(64)  NOT NULL,
    details     text,
    occurred_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_audit_log PRIMARY KEY (id)
);

CREATE INDEX ix_audit_log_entity ON billing.audit_log (entity_type, entity_id);
