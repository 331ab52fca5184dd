-- Shoppable replays (contract v3, "Replays and highlights"): what the engine recorded while a
-- sale was LIVE, the replay made of it after the sale ENDED, one highlight clip per pin, and
-- replay views counted without identities.

-- One per push the engine's recorder accepted (the sale was LIVE then); several join into one replay.
create table media_recording (
    id          uuid primary key,
    sale_id     uuid        not null references sale (id),
    -- "<engine id>:<client id>" of the recorder's connection; its record_done finds the row by it.
    recorder    text        not null check (length(recorder) <= 100),
    -- Which storage holds the file (engines sharing a folder share it): only its workers can use it.
    storage_id  text        not null check (length(storage_id) <= 100),
    stream_name text        not null check (length(stream_name) <= 100),
    -- When the engine asked to record: the recording's time zero.
    started_at  timestamptz not null,
    -- The engine's record_done: the file (a name in the engine's recordings folder), and when.
    file        text check (file ~ '^[A-Za-z0-9_.-]{1,200}$'),
    ended_at    timestamptz,
    -- What the worker measured, once the replay is made.
    duration_seconds numeric(12, 3) check (duration_seconds >= 0)
);
create index media_recording_sale_idx on media_recording (sale_id, started_at);
create unique index media_recording_recorder_idx on media_recording (recorder) where ended_at is null;

-- A sale's replay: PROCESSING from its end until a worker made it, READY after; DELETING when
-- its retention ran out (the worker removes the files, then the row goes).
create table media_replay (
    sale_id          uuid primary key references sale (id),
    status           text        not null check (status in ('PROCESSING', 'READY', 'DELETING')),
    -- Workers claim a job once due, for a lease (SKIP LOCKED); only the current claim may finish it.
    due_at           timestamptz not null,
    claim            uuid,
    claimed_until    timestamptz,
    attempts         integer     not null default 0,
    -- Which storage holds the recordings: only a worker there can make (or delete) the replay.
    storage_id       text        not null check (length(storage_id) <= 100),
    -- Where viewers fetch it from (the engine's VOD origin), set when READY.
    playback_url     text check (length(playback_url) <= 2000),
    duration_seconds numeric(12, 3) check (duration_seconds >= 0),
    created_at       timestamptz not null,
    ready_at         timestamptz,
    check ((status = 'READY') = (ready_at is not null) or status = 'DELETING')
);
create index media_replay_due_idx on media_replay (due_at) where status <> 'READY';

-- One clip per pin that lasted 5 s or more, cut when the replay is made.
create table media_highlight (
    id               uuid primary key,
    sale_id          uuid           not null references media_replay (sale_id) on delete cascade,
    item_id          uuid           not null references sale_item (id),
    product_id       uuid           not null references product (id),
    pinned_at        timestamptz    not null,
    -- Where the pin falls in the replay, and how long it lasted, as planned from the pin history.
    pin_seconds      numeric(12, 3) not null check (pin_seconds >= 0),
    planned_seconds  numeric(12, 3) not null check (planned_seconds >= 5),
    -- The clip as cut: it starts at the keyframe before the pin.
    start_seconds    numeric(12, 3) check (start_seconds >= 0),
    duration_seconds numeric(12, 3) check (duration_seconds >= 0),
    playback_url     text check (length(playback_url) <= 2000)
);
create index media_highlight_product_idx on media_highlight (product_id, pinned_at);
create index media_highlight_sale_idx on media_highlight (sale_id, pinned_at);

-- A replay view: a keyed hash of who watched (never the identity) per hour, so each counts once an hour.
create table media_replay_view (
    sale_id uuid        not null references sale (id),
    hour    timestamptz not null,
    viewer  bytea       not null check (length(viewer) = 16),
    primary key (sale_id, hour, viewer)
);
