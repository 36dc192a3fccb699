-- Payment history ids come in blocks of 1,000 rather than 50. Every block is fetched under the
-- persistence provider's one sequencing lock while the instance's other charging threads wait for
-- it: with eight threads writing a renewal pass's history, blocks of 50 kept them waiting for 7 %
-- of the server's CPU (docs/benchmarks.md). A restart leaves at most a block's gap in the ids;
-- the history's order is (occurred_at, id) within a payment, which a gap does not change.
ALTER TABLE billing.payment_transition ALTER COLUMN id SET INCREMENT BY 1000;
SELECT setval(pg_get_serial_sequence('billing.payment_transition', 'id'),
              coalesce((SELECT max(id) FROM billing.payment_transition), 0) + 1000);
