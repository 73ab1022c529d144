-- Areas (板块) and specialty parks of seed 004.
create table area (
    code      text primary key,
    name      text not null unique,
    kind      text not null check (kind in ('district', 'county', 'zone')),
    ord       int  not null
);

create table park (
    id         serial primary key,
    area_code  text not null references area (code),
    name       text not null,
    directions text not null,
    unique (area_code, name)
);

-- The enterprise registry.
create table enterprise (
    id             bigserial primary key,
    credit_code    char(18) not null unique,
    name           text not null,
    kind           text not null default 'enterprise',
    district       text not null references area (name),
    park           text,
    industries     text[] not null default '{}',
    qualifications text[] not null default '{}',
    size           text check (size in ('micro', 'small', 'medium', 'large')),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index enterprise_district on enterprise (district, park);
create index enterprise_name on enterprise (name);

-- Yearly indicators, one row per enterprise and year.
create table enterprise_indicator (
    enterprise_id        bigint not null references enterprise (id) on delete cascade,
    year                 int    not null check (year between 1990 and 2100),
    revenue              numeric(18, 2),
    rd_expense           numeric(18, 2),
    rd_staff             int,
    staff                int,
    patents              int,
    invention_patents    int,
    tech_contract_amount numeric(18, 2),
    updated_at           timestamptz not null default now(),
    primary key (enterprise_id, year)
);

-- Dated facts (a tape-out, a certification...), in the pack's vocabulary. The digest of type,
-- date and values makes a re-imported fact a no-op.
create table enterprise_fact (
    id            bigserial primary key,
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    type          text   not null,
    occurred_on   date   not null,
    fields        jsonb  not null default '{}',
    digest        text   not null,
    source        text   not null,
    import_id     bigint,
    created_by    text,
    created_at    timestamptz not null default now(),
    unique (enterprise_id, digest)
);
create index enterprise_fact_enterprise on enterprise_fact (enterprise_id, occurred_on);

-- Accounts: one role each; enterprise users belong to one enterprise, officers to one department.
create table app_user (
    id            bigserial primary key,
    username      text not null unique,
    password_hash text not null,
    display_name  text not null,
    role          text not null check (role in ('ENTERPRISE', 'OFFICER', 'FINANCE', 'ADMIN', 'LEADER')),
    enterprise_id bigint references enterprise (id),
    department    text,
    enabled       boolean not null default true,
    failed_logins int not null default 0,
    locked_until  timestamptz,
    created_at    timestamptz not null default now(),
    check ((role = 'ENTERPRISE') = (enterprise_id is not null)),
    check ((role = 'OFFICER') = (department is not null))
);

-- Department data files imported, with the validation report.
create table import_run (
    id             bigserial primary key,
    kind           text not null,
    file_name      text not null,
    content_sha256 text not null,
    size_bytes     bigint not null,
    uploaded_by    text not null,
    uploaded_at    timestamptz not null default now(),
    status         text not null check (status in ('applied', 'rejected', 'unchanged')),
    rows_total     int not null,
    rows_rejected  int not null,
    inserted       int not null default 0,
    updated        int not null default 0,
    unchanged      int not null default 0,
    report         jsonb not null default '[]'
);

-- Proactive screens (免申即享) of the whole registry and what each enterprise could claim.
create table screen_run (
    id           bigserial primary key,
    as_of        date not null,
    drafts       boolean not null default false,
    status       text not null check (status in ('running', 'done', 'failed')),
    started_by   text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    total        int not null default 0,
    done         int not null default 0,
    entitled     int not null default 0,
    error        text
);

create table entitlement (
    run_id        bigint not null references screen_run (id) on delete cascade,
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    clause_ref    text not null,
    figure        numeric(20, 4),
    unit          text not null,
    kind          text not null,
    facts         text not null default '',
    primary key (run_id, clause_ref, enterprise_id)
);
create index entitlement_enterprise on entitlement (enterprise_id, run_id);

-- The one list's history: each clause's words and rule as loaded, one row per change.
create table clause_version (
    clause_ref  text not null,
    digest      text not null,
    text        text not null,
    rule        text not null,
    change      text not null check (change in ('added', 'changed', 'removed')),
    seen_at     timestamptz not null default now(),
    primary key (clause_ref, seen_at, digest)
);
