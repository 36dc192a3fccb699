-- The access check keeps recent answers in memory on each instance (entitlement.AccessCache).
-- These triggers tell every instance, through LISTEN/NOTIFY on channel billing_access, when an
-- answer may have changed: a subscription's status, period, owner or product (payload: the
-- account id), or the catalog's links and movie deletions (payload: '*', all answers).
-- A NOTIFY is delivered when its transaction commits, and only then; identical ones in one
-- transaction are sent once. Statement-level catalog triggers with transition tables cost one
-- check per statement, not one per row, and stay silent when an upsert changed nothing.

CREATE FUNCTION billing.notify_account_access() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('billing_access', OLD.account_id::text);
    ELSE
        PERFORM pg_notify('billing_access', NEW.account_id::text);
        IF TG_OP = 'UPDATE' AND OLD.account_id <> NEW.account_id THEN
            PERFORM pg_notify('billing_access', OLD.account_id::text);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_subscription_access_insert AFTER INSERT ON billing.subscription
    FOR EACH ROW EXECUTE FUNCTION billing.notify_account_access();
CREATE TRIGGER tr_subscription_access_update AFTER UPDATE ON billing.subscription
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.current_period_end IS DISTINCT FROM NEW.current_period_end
          OR OLD.product_id IS DISTINCT FROM NEW.product_id
          OR OLD.account_id IS DISTINCT FROM NEW.account_id)
    EXECUTE FUNCTION billing.notify_account_access();
CREATE TRIGGER tr_subscription_access_delete AFTER DELETE ON billing.subscription
    FOR EACH ROW EXECUTE FUNCTION billing.notify_account_access();

CREATE FUNCTION billing.notify_catalog_access() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        PERFORM pg_notify('billing_access', '*');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_product_movie_access_insert AFTER INSERT ON billing.product_movie
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION billing.notify_catalog_access();
CREATE TRIGGER tr_product_movie_access_update AFTER UPDATE ON billing.product_movie
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION billing.notify_catalog_access();
CREATE TRIGGER tr_product_movie_access_delete AFTER DELETE ON billing.product_movie
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION billing.notify_catalog_access();

-- A movie matters once it is deleted (or undeleted); new movies change no answer given before.
CREATE FUNCTION billing.notify_movie_access() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM after_update a JOIN before_update b ON b.id = a.id
               WHERE a.deleted_at IS DISTINCT FROM b.deleted_at) THEN
        PERFORM pg_notify('billing_access', '*');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_movie_access_update AFTER UPDATE ON billing.movie
    REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update
    FOR EACH STATEMENT EXECUTE FUNCTION billing.notify_movie_access();
CREATE TRIGGER tr_movie_access_delete AFTER DELETE ON billing.movie
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION billing.notify_catalog_access();
