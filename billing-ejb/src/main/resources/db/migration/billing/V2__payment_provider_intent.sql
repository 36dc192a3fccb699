-- The provider's id of the charge itself, beside the id given at checkout: for a Stripe Checkout
-- Session (provider_payment_id = cs_...) this is the PaymentIntent (pi_...) that refunds name and
-- that charge.refunded events carry. Learnt from the first event that names it.
ALTER TABLE billing.payment ADD COLUMN provider_intent_id varchar(255);

CREATE UNIQUE INDEX uq_payment_provider_intent ON billing.payment (provider, provider_intent_id)
    WHERE provider_intent_id IS NOT NULL;

-- The reconciler looks for payments still open at the provider: not yet checked out, or waiting.
DROP INDEX billing.ix_payment_pending_updated;
CREATE INDEX ix_payment_open_updated ON billing.payment (updated_at)
    WHERE status IN ('CREATED', 'PENDING');
