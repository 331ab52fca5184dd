-- Live video (contract v3): one stream per sale, its key and what the media engine last told us.

-- A sale with its own video needs no external player link.
alter table sale alter column stream_url drop not null;

create table media_stream (
    sale_id        uuid primary key references sale (id),
    -- The stream key, AES-256-GCM under the key-encryption key ("v1." + base64url(iv || ciphertext || tag),
    -- the sale id as associated data): the host must be able to see it again.
    key_ciphertext text        not null check (length(key_ciphertext) <= 200),
    -- SHA-256 of the key: the engine's callback finds the stream without decrypting anything.
    key_hash       bytea       not null unique check (length(key_hash) = 32),
    key_created_at timestamptz not null,
    status         text        not null default 'IDLE' check (status in ('IDLE', 'PREVIEW', 'LIVE', 'ENDED')),
    -- The accepted publisher: "<engine id>:<the engine's client id>"; null when nobody publishes.
    publisher      text check (length(publisher) <= 100),
    -- What the engine serves the publish as (the sale id and a random suffix, never the key).
    stream_name    text check (length(stream_name) <= 100),
    -- Its HLS playlist, from the accepting replica's engine (replicas may run engines of their own).
    playback_url   text check (length(playback_url) <= 2000),
    started_at     timestamptz,
    ended_at       timestamptz,
    -- Last health the engine reported, and when the publisher was last seen alive.
    video_codec    text check (length(video_codec) <= 40),
    width          integer check (width >= 0),
    height         integer check (height >= 0),
    fps            real check (fps >= 0),
    bitrate_kbps   integer check (bitrate_kbps >= 0),
    seen_at        timestamptz,
    check ((publisher is null) = (status in ('IDLE', 'ENDED'))),
    check (publisher is null or stream_name is not null)
);

-- Each replica's watcher looks up the publishers of its engine every second.
create index media_stream_publisher_idx on media_stream (publisher) where publisher is not null;
