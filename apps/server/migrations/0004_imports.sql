-- Enterprise list imports (after Open Supply Hub's list uploads): a job per uploaded file, one staged row per
-- data row. Rows are matched against the registry and previewed; a person confirms potential matches; the commit
-- writes the registry in one transaction.

create table import_jobs (
  id uuid primary key default gen_random_uuid(),
  filename text not null,
  format text not null check (format in ('xlsx', 'csv')),
  status text not null default 'parsing'
    check (status in ('parsing', 'preview', 'committing', 'committed', 'failed', 'cancelled')),
  progress_done int not null default 0,
  progress_total int not null default 0,
  -- { total, error, match, potential_match, new, unchanged }
  summary jsonb not null default '{}',
  -- { code, params } when status = 'failed'
  error jsonb,
  -- The acting user; the CLI acts as a system actor that has no users row, so no foreign key.
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  committed_at timestamptz
);
create index import_jobs_created_idx on import_jobs (created_at desc);

create table import_rows (
  job_id uuid not null references import_jobs (id) on delete cascade,
  -- The row as the spreadsheet numbers it (the header is usually row 1).
  row_number int not null,
  status text not null check (status in ('error', 'match', 'potential_match', 'new', 'unchanged')),
  -- The cells by field (uscc, name, address, …) as text; only the columns the file has.
  data jsonb not null,
  -- [{ field, code, params }], localised when read.
  errors jsonb not null default '[]',
  -- [{ enterpriseId, name, uscc, score }], best first.
  candidates jsonb not null default '[]',
  decision text check (decision in ('confirm', 'reject')),
  -- The registry record a match or confirmed row updates; the created one after the commit of a new row.
  enterprise_id uuid,
  -- Keys for duplicate checks inside the file: the valid USCC and the normalised name.
  uscc_key text,
  name_key text,
  primary key (job_id, row_number)
);
create index import_rows_status_idx on import_rows (job_id, status, row_number);
