-- Renewals. The sandbox keeps the card a viewer last paid with, as Stripe keeps the payment method
-- a Checkout Session saved (setup_future_usage=off_session), so that a renewal can charge it
-- without the viewer. Test card numbers only: the sandbox never sees a real card.
CREATE TABLE billing.sandbox_saved_card (
    account_id  uuid        NOT NULL,
    card_number varchar(19) NOT NULL,
    saved_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_sandbox_saved_card PRIMARY KEY (account_id),
    CONSTRAINT fk_sandbox_saved_card_account FOREIGN KEY (account_id)
        REFERENCES billing.account (id)
);

