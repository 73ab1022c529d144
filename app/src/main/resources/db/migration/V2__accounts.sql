-- Accounts of their own: a forced password change, a version against lost updates, enterprise
-- self-registration awaiting an officer, and an audit trail of every change to an account.
alter table app_user add column must_change_password boolean not null default false;
alter table app_user add column version int not null default 0;
alter table app_user add column updated_at timestamptz not null default now();

-- An enterprise user may be without an enterprise while its registration awaits confirmation
-- (it then sees nothing of any enterprise); other roles never have one.
do $$
declare c text;
begin
    for c in select conname from pg_constraint
             where conrelid = 'app_user'::regclass and contype = 'c'
               and pg_get_constraintdef(oid) like '%ENTERPRISE%' and pg_get_constraintdef(oid) like '%enterprise_id IS NOT NULL%'
    loop
        execute format('alter table app_user drop constraint %I', c);
    end loop;
end $$;
alter table app_user add constraint app_user_enterprise_only check (role = 'ENTERPRISE' or enterprise_id is null);

create table registration (
    id              bigserial primary key,
    user_id         bigint not null unique references app_user (id) on delete cascade,
    credit_code     char(18) not null,
    enterprise_name text not null,
    contact_name    text not null,
    phone           text not null,
    status          text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected')),
    reason          text,
    decided_by      text,
    decided_at      timestamptz,
    created_at      timestamptz not null default now(),
    check ((status = 'rejected') = (reason is not null))
);
create index registration_status on registration (status, created_at);

create table account_audit (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    actor    text not null,
    username text not null,
    action   text not null,
    before   jsonb,
    after    jsonb
);
create index account_audit_user on account_audit (username, at desc);
create index account_audit_at on account_audit (at desc);
