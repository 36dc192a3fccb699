-- Money stays exactly right (issue 13).
--
-- Refunds: a payment's refunded total is derived, never accumulated: the sum of its succeeded
-- refunds, or the provider's own cumulative figure when that is larger (a refund made at the
-- provider, or reported before our call returned). Refund amounts may have three decimals (KWD),
-- so the columns that hold refunded money have three; amounts are checked against their currency
-- before they are stored.
ALTER TABLE billing.refund ALTER COLUMN amount TYPE numeric(15,3);
ALTER TABLE billing.refund ADD COLUMN failure_reason varchar(512);
-- How many times the provider was asked for the refund (each time with the same idempotency key).
ALTER TABLE billing.refund ADD COLUMN attempts int NOT NULL DEFAULT 0;
ALTER TABLE billing.refund
    ADD CONSTRAINT ck_refund_attempts_non_negative CHECK (attempts >= 0);
-- The reconciler re-asks the provider about refunds left pending (a crash, a timeout).
CREATE INDEX ix_refund_pending_updated ON billing.refund (updated_at) WHERE status = 'PENDING';

ALTER TABLE billing.payment DROP CONSTRAINT ck_payment_refunded_amount;
ALTER TABLE billing.payment ALTER COLUMN refunded_amount TYPE numeric(15,3);
ALTER TABLE billing.payment ADD COLUMN provider_refunded_amount numeric(15,3) NOT NULL DEFAULT 0;
ALTER TABLE billing.payment
    ADD CONSTRAINT ck_payment_refunded_amount CHECK (refunded_amount BETWEEN 0 AND amount),
    ADD CONSTRAINT ck_payment_provider_refunded_amount CHECK (provider_refunded_amount >= 0);

-- A payment someone must look at: a provider reported an amount or currency other than the one we
-- asked for, or money arrived for something that could no longer take it (refunded automatically).
ALTER TABLE billing.payment ADD COLUMN review_reason varchar(512);
ALTER TABLE billing.payment ADD COLUMN review_flagged_at timestamptz;
CREATE INDEX ix_payment_review ON billing.payment (review_flagged_at DESC)
    WHERE review_reason IS NOT NULL;

-- When our side ends a payment (the viewer cancels an unpaid subscription, an unpaid renewal
-- expires), the provider's checkout is closed too; until the provider confirmed it, the
-- reconciler keeps trying.
ALTER TABLE billing.payment ADD COLUMN checkout_closed_at timestamptz;

-- The reconciler also asks about FAILED payments: a declined renewal may be paid later with
-- another card and that webhook lost. It takes the least recently asked first (reconciled_at: when
-- it last asked the provider), so payments the provider has nothing new about do not hold up the
-- others.
ALTER TABLE billing.payment ADD COLUMN reconciled_at timestamptz;
DROP INDEX billing.ix_payment_open_updated;
CREATE INDEX ix_payment_open_reconcile ON billing.payment ((coalesce(reconciled_at, updated_at)))
    WHERE status IN ('CREATED', 'PENDING', 'FAILED');
CREATE INDEX ix_payment_canceled_unclosed ON billing.payment ((coalesce(reconciled_at, updated_at)))
    WHERE status = 'CANCELED' AND checkout_closed_at IS NULL AND provider_payment_id IS NOT NULL;

-- History entries that record a fact without a move (a mismatch, a flag) have from = to.

-- Webhook inbox: an event that cannot apply yet (it names a payment we do not know yet) waits and
-- is tried again, also as soon as another event applied; one that keeps failing is parked after a
-- bounded number of attempts (dead letter) until an administrator retries it.
ALTER TABLE billing.webhook_event ADD COLUMN waiting boolean NOT NULL DEFAULT false;
ALTER TABLE billing.webhook_event ADD COLUMN parked_at timestamptz;
DROP INDEX billing.ix_webhook_event_pending;
CREATE INDEX ix_webhook_event_pending ON billing.webhook_event (next_attempt_at)
    WHERE processed_at IS NULL AND parked_at IS NULL;
CREATE INDEX ix_webhook_event_parked ON billing.webhook_event (parked_at DESC)
    WHERE parked_at IS NOT NULL AND processed_at IS NULL;

-- The sandbox provider's own records, as Stripe keeps its own: what its checkout pages and charges
-- did, so that it can answer the reconciler (lookup) after a crash lost its webhook events, and
-- refuse a page it closed. Ids are the sandbox's (cs_sandbox_..., pi_sandbox_..., re_sandbox_...);
-- our ids appear only as metadata, never as foreign keys: the provider lives elsewhere.
CREATE TABLE billing.sandbox_checkout (
    id             varchar(64)  NOT NULL,
    payment_ref    uuid         NOT NULL,
    account_ref    uuid         NOT NULL,
    description    varchar(512) NOT NULL,
    amount_minor   bigint       NOT NULL,
    currency       char(3)      NOT NULL,
    status         varchar(16)  NOT NULL DEFAULT 'open',
    payment_intent varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_sandbox_checkout PRIMARY KEY (id),
    CONSTRAINT uq_sandbox_checkout_payment_ref UNIQUE (payment_ref),
    CONSTRAINT ck_sandbox_checkout_status CHECK (status IN ('open', 'complete', 'expired')),
    CONSTRAINT ck_sandbox_checkout_amount_positive CHECK (amount_minor > 0)
);

-- One PaymentIntent per payment: every card tried on its page, or the saved card charged
-- off-session, is an attempt on it; the last attempt's result is kept.
CREATE TABLE billing.sandbox_intent (
    id              varchar(64)  NOT NULL,
    payment_ref     uuid         NOT NULL,
    account_ref     uuid         NOT NULL,
    amount_minor    bigint       NOT NULL,
    currency        char(3)      NOT NULL,
    status          varchar(32)  NOT NULL,
    error_code      varchar(64),
    decline_code    varchar(64),
    error_message   varchar(512),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_sandbox_intent PRIMARY KEY (id),
    CONSTRAINT uq_sandbox_intent_payment_ref UNIQUE (payment_ref),
    CONSTRAINT ck_sandbox_intent_status
        CHECK (status IN ('requires_payment_method', 'succeeded', 'canceled')),
    CONSTRAINT ck_sandbox_intent_amount_positive CHECK (amount_minor > 0)
);

-- Refunds the sandbox made, once per idempotency key (our refund id), never beyond the charge.
CREATE TABLE billing.sandbox_refund (
    id              varchar(64) NOT NULL,
    idempotency_key varchar(128) NOT NULL,
    intent_id       varchar(64) NOT NULL,
    amount_minor    bigint      NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_sandbox_refund PRIMARY KEY (id),
    CONSTRAINT uq_sandbox_refund_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_sandbox_refund_intent FOREIGN KEY (intent_id)
        REFERENCES billing.sandbox_intent (id),
    CONSTRAINT ck_sandbox_refund_amount_positive CHECK (amount_minor > 0)
);

CREATE INDEX ix_sandbox_refund_intent ON billing.sandbox_refund (intent_id);

-- Payments made through the sandbox before these tables existed get the records the sandbox would
-- have kept, so that their pages, lookups and refunds work after the upgrade. Amounts in minor
-- units by the currency's decimals (ISO 4217: these have none, these three; the rest two).
CREATE FUNCTION billing.sandbox_minor_units(amount numeric, currency char(3)) RETURNS bigint
    LANGUAGE sql IMMUTABLE AS $$
    SELECT (amount * CASE
        WHEN currency IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF',
                          'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 1
        WHEN currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 1000
        ELSE 100 END)::bigint
$$;

INSERT INTO billing.sandbox_checkout (id, payment_ref, account_ref, description, amount_minor,
                                      currency, status, payment_intent)
SELECT p.provider_payment_id, p.id, p.account_id, pr.name || ', ' || s.period,
       billing.sandbox_minor_units(p.amount, p.currency), p.currency,
       CASE WHEN p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED') THEN 'complete'
            WHEN p.status = 'CANCELED' THEN 'expired' ELSE 'open' END,
       'pi_sandbox_' || replace(p.id::text, '-', '')
FROM billing.payment p
JOIN billing.invoice i ON i.id = p.invoice_id
JOIN billing.subscription s ON s.id = i.subscription_id
JOIN billing.product pr ON pr.id = s.product_id
WHERE p.provider = 'sandbox' AND p.provider_payment_id LIKE 'cs_sandbox_%';

INSERT INTO billing.sandbox_intent (id, payment_ref, account_ref, amount_minor, currency, status)
SELECT 'pi_sandbox_' || replace(p.id::text, '-', ''), p.id, p.account_id,
       billing.sandbox_minor_units(p.amount, p.currency), p.currency, 'succeeded'
FROM billing.payment p
WHERE p.provider = 'sandbox' AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED');

INSERT INTO billing.sandbox_refund (id, idempotency_key, intent_id, amount_minor)
SELECT 're_sandbox_' || replace(r.id::text, '-', ''), 'refund-' || r.id,
       'pi_sandbox_' || replace(p.id::text, '-', ''),
       billing.sandbox_minor_units(r.amount, r.currency)
FROM billing.refund r
JOIN billing.payment p ON p.id = r.payment_id
WHERE p.provider = 'sandbox' AND r.status = 'SUCCEEDED'
  AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED');

DROP FUNCTION billing.sandbox_minor_units(numeric, char);

-- The sandbox's page already refused canceled payments; their checkouts count as closed.
UPDATE billing.payment SET checkout_closed_at = updated_at
WHERE provider = 'sandbox' AND status = 'CANCELED';
