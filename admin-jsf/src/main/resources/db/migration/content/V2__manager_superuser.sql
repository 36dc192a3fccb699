-- A superuser may add and deactivate managers; the first one is created on start from
-- ADMIN_USERNAME / ADMIN_PASSWORD (as the original's createsuperuser).
ALTER TABLE content.manager ADD COLUMN superuser boolean NOT NULL DEFAULT false;
