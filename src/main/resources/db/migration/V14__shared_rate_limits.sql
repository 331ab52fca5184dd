-- Token buckets that every replica shares (login, register, refresh): one row per (route, key),
-- the instant at which the bucket is full again (the generic cell rate algorithm). A row whose
-- instant has passed is a full bucket and may be deleted at any time.
CREATE TABLE rate_limit_bucket (
    route   text        NOT NULL,
    key     text        NOT NULL,
    full_at timestamptz NOT NULL,
    -- whether the last request counted against this bucket was let through
    allowed boolean     NOT NULL,
    PRIMARY KEY (route, key)
);

CREATE INDEX rate_limit_bucket_full_at ON rate_limit_bucket (full_at);
