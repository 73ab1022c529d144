-- An upload is recorded as running before it is read, and as failed when it dies half-way
-- (an exception, the client gone, or the service stopped: failed again at the next start).
alter table import_run drop constraint import_run_status_check;
alter table import_run add constraint import_run_status_check
    check (status in ('running', 'applied', 'rejected', 'unchanged', 'failed'));
