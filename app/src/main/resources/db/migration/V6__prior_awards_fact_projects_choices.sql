-- Issue 8 (one matter paid once): earlier awards per enterprise, the project a fact is about, and
-- screened figures that are options of one choice (figures the texts forbid enjoying together).

-- Earlier awards (已获奖励): under a clause of the pack, or under a policy outside it named by
-- matter, level and unit. Append-only: a row is never edited or deleted; a wrong record is voided
-- (撤销) once, by setting the three void columns together, and both stay in the audit.
create table prior_award (
    id            bigserial primary key,
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    clause_ref    text,
    matter        text,
    level         text check (level in ('district', 'city', 'province', 'nation')),
    unit          text check (unit in ('yuan', 'points')),
    project       text,
    awarded_on    date not null,
    figure        numeric(20, 4) not null check (figure >= 0),
    source        text,
    note          text,
    digest        text not null,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now(),
    voided_by     text,
    voided_at     timestamptz,
    void_reason   text,
    check ((clause_ref is null) = (matter is not null)),
    check (clause_ref is not null or (level is not null and unit is not null)),
    check ((voided_at is null) = (voided_by is null) and (voided_at is null) = (void_reason is null))
);
create index prior_award_enterprise on prior_award (enterprise_id, awarded_on);
-- The same award recorded twice (a double submit) is one record while it stands.
create unique index prior_award_once on prior_award (enterprise_id, digest) where voided_at is null;

-- Nothing of a record changes but its voiding, which happens once.
create function prior_award_append_only() returns trigger language plpgsql as $$
begin
    if old.voided_at is not null then
        raise exception 'prior_award % is voided and cannot change', old.id;
    end if;
    if (new.id, new.enterprise_id, new.clause_ref, new.matter, new.level, new.unit, new.project, new.awarded_on, new.figure,
        new.source, new.note, new.digest, new.recorded_by, new.recorded_at)
       is distinct from
       (old.id, old.enterprise_id, old.clause_ref, old.matter, old.level, old.unit, old.project, old.awarded_on, old.figure,
        old.source, old.note, old.digest, old.recorded_by, old.recorded_at) then
        raise exception 'prior_award % is append-only: only its voiding may be set', old.id;
    end if;
    return new;
end $$;
create trigger prior_award_append_only before update on prior_award
    for each row execute function prior_award_append_only();

-- The project a fact is about (项目标识), so that facts of different types about one project
-- count as one matter; null: the fact's own project field, else the fact itself.
alter table enterprise_fact add column project text;

-- Options of a choice: 0 for a figure that counts; n > 0 for the options of the enterprise's n-th
-- choice (options of one choice share n), which the push and claimant lists show as 择一 and
-- totals never add. A clause may be an option in one choice and a result for another project.
alter table entitlement add column choice int not null default 0;
alter table entitlement add column choice_with text not null default '';
alter table entitlement drop constraint entitlement_pkey;
alter table entitlement add primary key (run_id, clause_ref, enterprise_id, choice);

alter table rescreen_entitlement add column choice int not null default 0;
alter table rescreen_entitlement add column choice_with text not null default '';
alter table rescreen_entitlement drop constraint rescreen_entitlement_pkey;
alter table rescreen_entitlement add primary key (enterprise_id, clause_ref, choice);
