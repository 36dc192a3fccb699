-- Yearly products (issue 15), beside daily and monthly ones.
ALTER TABLE content.product DROP CONSTRAINT ck_product_period;
ALTER TABLE content.product
    ADD CONSTRAINT ck_product_period CHECK (period IN ('day', 'month', 'year'));
