-- Languages: the language each object's own text is written in, and translations of that text,
-- one table per kind keyed by (object, language). A translation may carry only some fields
-- (null = untranslated, served from the source text); it is never in the object's source language.

alter table product     add column source_lang text not null default 'en';
alter table cooperative add column source_lang text not null default 'en';
alter table sale        add column source_lang text not null default 'en';

create table product_translation (
    product_id  uuid        not null references product (id) on delete cascade,
    lang        text        not null,
    name        text,
    description text,
    updated_at  timestamptz not null default now(),
    primary key (product_id, lang),
    check (name is not null or description is not null)
);

create table cooperative_translation (
    cooperative_id uuid        not null references cooperative (id) on delete cascade,
    lang           text        not null,
    story          text        not null,
    updated_at     timestamptz not null default now(),
    primary key (cooperative_id, lang)
);

create table sale_translation (
    sale_id    uuid        not null references sale (id) on delete cascade,
    lang       text        not null,
    title      text        not null,
    updated_at timestamptz not null default now(),
    primary key (sale_id, lang)
);
