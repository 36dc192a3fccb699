-- Content catalog owned by admin-jsf: movies, products (priced bundles of movies),
-- the links between them, and the managers who log in to the admin panel.
--
-- The ETL (etl-batch) copies movie, product and product_movie into the billing schema
-- incrementally, paging by keyset on (updated_at, id). Rows are therefore never deleted:
-- a deletion sets deleted_at, and every update moves updated_at (trigger below), so the
-- change is seen by the next ETL run.
--
-- Runs on PostgreSQL 14+ (gen_random_uuid() is built in since 13).

-- Sets updated_at on every UPDATE. clock_timestamp() (time of the change) rather than now()
-- (start of the transaction) narrows, but cannot close, the window in which a transaction that
-- commits late writes an updated_at older than rows the ETL has already paged past.
CREATE FUNCTION content.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END;
$$;

-- A movie or TV show in the catalog.
CREATE TABLE content.movie (
    id            uuid         NOT NULL DEFAULT gen_random_uuid(),
    title         varchar(255) NOT NULL,
    description   text,
    creation_date date,
    rating        smallint,
    type          varchar(16)  NOT NULL DEFAULT 'movie',
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    CONSTRAINT pk_movie PRIMARY KEY (id),
    CONSTRAINT ck_movie_title_not_blank CHECK (title ~ '[^[:space:]]'),
    CONSTRAINT ck_movie_rating_range CHECK (rating BETWEEN 0 AND 100),
    CONSTRAINT ck_movie_type CHECK (type IN ('movie', 'tv_show'))
);

CREATE INDEX ix_movie_updated_at_id ON content.movie (updated_at, id);

CREATE TRIGGER trg_movie_touch_updated_at
    BEFORE UPDATE ON content.movie
    FOR EACH ROW EXECUTE FUNCTION content.touch_updated_at();

-- A product: a bundle of movies sold as a subscription at a price per period (day or month).
CREATE TABLE content.product (
    id          uuid          NOT NULL DEFAULT gen_random_uuid(),
    name        varchar(255)  NOT NULL,
    description text,
    price       numeric(12,2) NOT NULL,
    currency    char(3)       NOT NULL DEFAULT 'RUB',
    period      varchar(8)    NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    CONSTRAINT pk_product PRIMARY KEY (id),
    CONSTRAINT ck_product_name_not_blank CHECK (name ~ '[^[:space:]]'),
    CONSTRAINT ck_product_price_positive CHECK (price > 0),
    CONSTRAINT ck_product_currency CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_product_period CHECK (period IN ('day', 'month'))
);

CREATE INDEX ix_product_updated_at_id ON content.product (updated_at, id);

CREATE TRIGGER trg_product_touch_updated_at
    BEFORE UPDATE ON content.product
    FOR EACH ROW EXECUTE FUNCTION content.touch_updated_at();

-- Which movies a product contains. Removing a movie soft-deletes the link; adding it back
-- clears deleted_at on the same row (hence the unique pair).
CREATE TABLE content.product_movie (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    product_id uuid        NOT NULL,
    movie_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CONSTRAINT pk_product_movie PRIMARY KEY (id),
    CONSTRAINT fk_product_movie_product FOREIGN KEY (product_id) REFERENCES content.product (id),
    CONSTRAINT fk_product_movie_movie FOREIGN KEY (movie_id) REFERENCES content.movie (id),
    CONSTRAINT uq_product_movie_product_movie UNIQUE (product_id, movie_id)
);

CREATE INDEX ix_product_movie_updated_at_id ON content.product_movie (updated_at, id);
CREATE INDEX ix_product_movie_movie_id ON content.product_movie (movie_id);

CREATE TRIGGER trg_product_movie_touch_updated_at
    BEFORE UPDATE ON content.product_movie
    FOR EACH ROW EXECUTE FUNCTION content.touch_updated_at();

-- Managers: the users who log in to the admin panel. Usernames are unique ignoring case.
CREATE TABLE content.manager (
    id            uuid         NOT NULL DEFAULT gen_random_uuid(),
    username      varchar(64)  NOT NULL,
    password_hash varchar(512) NOT NULL,
    full_name     varchar(255),
    active        boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_manager PRIMARY KEY (id),
    CONSTRAINT ck_manager_username_not_blank CHECK (username ~ '[^[:space:]]')
);

CREATE UNIQUE INDEX uq_manager_username_lower ON content.manager (lower(username));

CREATE TRIGGER trg_manager_touch_updated_at
    BEFORE UPDATE ON content.manager
    FOR EACH ROW EXECUTE FUNCTION content.touch_updated_at();
