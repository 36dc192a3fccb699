-- Replacing the saved card (issue 15): the sandbox's card pages, its Checkout Sessions in setup
-- mode. Each saves one card for an account (into sandbox_saved_card, which renewals charge) and
-- charges nothing. The sandbox's own records, as sandbox_checkout is for payments: our account id
-- only as a reference, no foreign key. A page is open until a card is saved on it or it expires a
-- day after it was opened, as Stripe's sessions do.
CREATE TABLE billing.sandbox_setup_session (
    id          varchar(64) NOT NULL,
    account_ref uuid        NOT NULL,
    status      varchar(16) NOT NULL DEFAULT 'open',
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL DEFAULT now() + interval '1 day',
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_sandbox_setup_session PRIMARY KEY (id),
    CONSTRAINT ck_sandbox_setup_session_status CHECK (status IN ('open', 'complete'))
);
