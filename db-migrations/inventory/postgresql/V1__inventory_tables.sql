-- A copy of InventoryDB's own tables, for local runs and tests only. Production has them already and they are
-- not ours to migrate: this location is applied only to an embedded database or when explicitly asked for.
CREATE TABLE products (
    product_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NULL,
    style       VARCHAR(100)  NULL,
    active      BOOLEAN        NULL
);

CREATE TABLE ratings (
    user_id     VARCHAR(64)   NULL,
    product_id  VARCHAR(64)   NULL,
    rating      DECIMAL(4,2)   NULL,
    rated_at    TIMESTAMP      NULL
);

-- The table the Go service BeerRecommender reads: rank 1 is the best recommendation.
CREATE TABLE recommendations (
    user_id     VARCHAR(64)   NOT NULL,
    product_id  VARCHAR(64)   NOT NULL,
    rank        INT            NOT NULL,
    CONSTRAINT pk_recommendations PRIMARY KEY (user_id, rank)
);
