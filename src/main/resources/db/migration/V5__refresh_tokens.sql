-- Refresh tokens: opaque values, stored only as SHA-256 hashes. A login starts a family; each
-- refresh spends one token and issues its successor in the same family; reuse revokes the family.

create table refresh_token (
    id          uuid primary key,
    user_id     uuid        not null references app_user (id),
    family_id   uuid        not null,
    token_hash  bytea       not null unique check (octet_length(token_hash) = 32),
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    spent_at    timestamptz,
    revoked_at  timestamptz,
    -- Checked at the end of the statement, so the rotation can point at the row it inserts.
    replaced_by uuid references refresh_token (id) on delete set null
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_expires on refresh_token (expires_at);
