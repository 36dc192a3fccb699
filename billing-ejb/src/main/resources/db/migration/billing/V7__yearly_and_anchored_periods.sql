-- Recurring billing (issue 15): yearly products, and periods anchored on the first one's day of
-- the month, so that a month from Jan 31 renews on Feb 28 and then on Mar 31 again.
ALTER TABLE billing.product DROP CONSTRAINT ck_product_period;
ALTER TABLE billing.product
    ADD CONSTRAINT ck_product_period CHECK (period IN ('day', 'month', 'year'));
ALTER TABLE billing.subscription DROP CONSTRAINT ck_subscription_period;
ALTER TABLE billing.subscription
    ADD CONSTRAINT ck_subscription_period CHECK (period IN ('day', 'month', 'year'));

-- The first paid period's start. Subscriptions paid before this change take their current
-- period's start (their day of the month until now).
ALTER TABLE billing.subscription ADD COLUMN period_anchor timestamptz;
UPDATE billing.subscription SET period_anchor = current_period_start
    WHERE current_period_start IS NOT NULL;
