-- Item 3: a screen is either official (documents in force as of its day: what enterprises are
-- told they can claim) or an officer's what-if (drafts, another date), never pushed.
alter table screen_run add column purpose text not null default 'official'
    check (purpose in ('official', 'simulation'));
update screen_run set purpose = 'simulation' where drafts or as_of <> started_at::date;

-- An enterprise screened on its own after a change to its facts, indicators or profile: its push
-- until a newer official screen. A mark without rows means "screened, nothing to claim".
create table enterprise_rescreen (
    enterprise_id bigint primary key references enterprise (id) on delete cascade,
    as_of         date not null,
    screened_at   timestamptz not null default clock_timestamp()
);

create table rescreen_entitlement (
    enterprise_id bigint not null references enterprise_rescreen (enterprise_id) on delete cascade,
    clause_ref    text not null,
    figure        numeric(20, 4),
    unit          text not null,
    kind          text not null,
    facts         text not null default '',
    primary key (enterprise_id, clause_ref)
);

-- Item 5: every editable record carries a version; a write based on an older one is refused.
alter table enterprise add column version bigint not null default 1;
alter table enterprise_indicator add column version bigint not null default 1;
alter table enterprise_fact add column version bigint not null default 1;
