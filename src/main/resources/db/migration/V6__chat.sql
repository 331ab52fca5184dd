-- The live room's chat. chat_room is the per-sale counter and settings row: every change of a
-- sale's chat takes its row lock first, which numbers VISIBLE messages without gaps and makes
-- the per-user moderation rules exact across replicas.

create table chat_room (
    sale_id           uuid primary key references sale (id),
    last_seq          bigint  not null default 0,
    enabled           boolean not null default true,
    slow_mode_seconds integer not null default 0 check (slow_mode_seconds between 0 and 120),
    blocked_terms     text[]  not null default '{}',
    pinned_message_id uuid,
    like_count        bigint  not null default 0,
    heart_count       bigint  not null default 0,
    fire_count        bigint  not null default 0
);

create table chat_message (
    id           uuid primary key,
    sale_id      uuid        not null references sale (id),
    -- Given when the message becomes VISIBLE; null while HELD.
    seq          bigint,
    author_id    uuid        not null references app_user (id),
    -- Name and role as they were when the message was posted, like a printed transcript.
    author_name  text        not null,
    author_role  text        not null check (author_role in ('CONSUMER', 'HOST', 'COOPERATIVE', 'ADMIN')),
    kind         text        not null check (kind in ('TEXT', 'QUESTION')),
    body         text        not null check (char_length(body) between 1 and 200),
    status       text        not null check (status in ('VISIBLE', 'HELD', 'DELETED')),
    created_at   timestamptz not null,
    check ((seq is null) = (status = 'HELD') or status = 'DELETED'),
    unique (sale_id, seq)
);
-- The moderation rules count a user's recent messages in a sale.
create index chat_message_author_idx on chat_message (sale_id, author_id, created_at);
create index chat_message_held_idx on chat_message (sale_id, created_at) where status = 'HELD';

alter table chat_room add constraint chat_room_pinned_fk foreign key (pinned_message_id) references chat_message (id);

create table chat_ban (
    sale_id    uuid        not null references sale (id),
    user_id    uuid        not null references app_user (id),
    until      timestamptz not null,
    reason     text,
    created_by uuid        not null references app_user (id),
    created_at timestamptz not null default now(),
    primary key (sale_id, user_id)
);
