-- Labour metrics per enterprise and month (issue 4: the hours and wage compliance trends of the programme), and the
-- programme at scale (10,000 assessments, 200,000 findings).

-- A labour check run inside an assessment writes one row per month of its timesheet, replacing rows of the same
-- enterprise and month; the demo writes the pilots' curve of seed 000. Counts of workers, not shares, so that the
-- cluster's figures are worker-weighted sums (average hours = sum(total_hours) / sum(workers)).
create table labour_monthly_metrics (
  enterprise_id uuid not null references enterprises (id),
  -- The first day of the month.
  month date not null check (extract(day from month) = 1),
  assessment_id uuid references evaluation_assessments (id) on delete set null,
  source text not null check (source in ('check', 'demo')),
  workers int not null check (workers > 0),
  total_hours numeric(12, 2) not null check (total_hours >= 0),
  -- Workers with more than 36 h of overtime in the month.
  overtime_over_36h int not null,
  -- Workers with a run of 7+ worked days starting in the month.
  rest_day_breaches int not null,
  minimum_wage_shortfalls int not null,
  overtime_pay_shortfalls int not null,
  -- Neither below the minimum wage nor short of overtime pay.
  paid_in_full int not null,
  -- Insured on every day of the month.
  insured int not null,
  checked_by uuid references users (id),
  checked_at timestamptz not null default now(),
  primary key (enterprise_id, month),
  check (overtime_over_36h between 0 and workers and rest_day_breaches between 0 and workers
    and minimum_wage_shortfalls between 0 and workers and overtime_pay_shortfalls between 0 and workers
    and paid_in_full between 0 and workers and insured between 0 and workers)
);

-- The cluster's months, kept exact by statement triggers (one upsert per month a statement touches, however many
-- rows it writes): the trends read ~100 rows instead of every enterprise's months.
create table labour_cluster_monthly (
  month date primary key,
  enterprises int not null,
  workers bigint not null,
  total_hours numeric not null,
  overtime_over_36h bigint not null,
  rest_day_breaches bigint not null,
  minimum_wage_shortfalls bigint not null,
  overtime_pay_shortfalls bigint not null,
  paid_in_full bigint not null,
  insured bigint not null
);

create function labour_cluster_rebuild() returns void language sql as $$
  delete from labour_cluster_monthly;
  insert into labour_cluster_monthly
    select month, count(*), sum(workers), sum(total_hours), sum(overtime_over_36h), sum(rest_day_breaches),
      sum(minimum_wage_shortfalls), sum(overtime_pay_shortfalls), sum(paid_in_full), sum(insured)
    from labour_monthly_metrics group by month;
$$;

-- One statement text for the rows a statement removed (old_rows, counted negative) and added (new_rows).
create function labour_cluster_trigger() returns trigger language plpgsql as $$
declare
  -- %1$s the sign, %2$I the transition table.
  apply constant text := 'insert into labour_cluster_monthly as c
      select month, %1$s * count(*), %1$s * sum(workers), %1$s * sum(total_hours), %1$s * sum(overtime_over_36h),
        %1$s * sum(rest_day_breaches), %1$s * sum(minimum_wage_shortfalls), %1$s * sum(overtime_pay_shortfalls),
        %1$s * sum(paid_in_full), %1$s * sum(insured)
      from %2$I group by month
    on conflict (month) do update set enterprises = c.enterprises + excluded.enterprises,
      workers = c.workers + excluded.workers, total_hours = c.total_hours + excluded.total_hours,
      overtime_over_36h = c.overtime_over_36h + excluded.overtime_over_36h,
      rest_day_breaches = c.rest_day_breaches + excluded.rest_day_breaches,
      minimum_wage_shortfalls = c.minimum_wage_shortfalls + excluded.minimum_wage_shortfalls,
      overtime_pay_shortfalls = c.overtime_pay_shortfalls + excluded.overtime_pay_shortfalls,
      paid_in_full = c.paid_in_full + excluded.paid_in_full, insured = c.insured + excluded.insured';
begin
  if tg_op in ('UPDATE', 'DELETE') then
    execute format(apply, -1, 'old_rows');
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    execute format(apply, 1, 'new_rows');
  end if;
  return null;
end $$;
-- A trigger with transition tables has one event each.
create trigger labour_monthly_metrics_cluster_insert after insert on labour_monthly_metrics
  referencing new table as new_rows for each statement execute function labour_cluster_trigger();
create trigger labour_monthly_metrics_cluster_update after update on labour_monthly_metrics
  referencing old table as old_rows new table as new_rows for each statement execute function labour_cluster_trigger();
create trigger labour_monthly_metrics_cluster_delete after delete on labour_monthly_metrics
  referencing old table as old_rows for each statement execute function labour_cluster_trigger();

-- Each enterprise's latest assessment, not cancelled (what the programme lists), kept by trigger so that a page of
-- the list sorted by name reads 20 rows instead of sorting every assessment.
create index evaluation_assessments_latest_idx on evaluation_assessments (enterprise_id, created_at desc, id desc)
  where stage <> 'cancelled';
-- The list sorted by rating date walks this index; ratings by year read the second from the index alone.
create index evaluation_assessments_rated_desc_idx on evaluation_assessments (rated_on desc nulls last);
create index evaluation_assessments_rated_level_idx on evaluation_assessments (rated_on, level)
  where rated_on is not null and level is not null;
create table evaluation_latest_assessments (
  enterprise_id uuid primary key references enterprises (id),
  assessment_id uuid not null
);
create index evaluation_latest_assessments_assessment_idx on evaluation_latest_assessments (assessment_id);

create function evaluation_latest_refresh(p_enterprise uuid) returns void language plpgsql as $$
declare
  v uuid;
begin
  select id into v from evaluation_assessments where enterprise_id = p_enterprise and stage <> 'cancelled'
    order by created_at desc, id desc limit 1;
  if v is null then
    delete from evaluation_latest_assessments where enterprise_id = p_enterprise;
  else
    insert into evaluation_latest_assessments values (p_enterprise, v)
      on conflict (enterprise_id) do update set assessment_id = excluded.assessment_id
      where evaluation_latest_assessments.assessment_id <> excluded.assessment_id;
  end if;
end $$;
create function evaluation_latest_trigger() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform evaluation_latest_refresh(old.enterprise_id);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.enterprise_id <> old.enterprise_id) then
    perform evaluation_latest_refresh(new.enterprise_id);
  end if;
  return null;
end $$;
create trigger evaluation_assessments_latest after insert or delete or update of stage, created_at, enterprise_id
  on evaluation_assessments for each row execute function evaluation_latest_trigger();
insert into evaluation_latest_assessments
  select distinct on (enterprise_id) enterprise_id, id from evaluation_assessments where stage <> 'cancelled'
  order by enterprise_id, created_at desc, id desc;

-- Open CAP items by element, and overdue ones, without counting 200,000 items a request: the finding's section and
-- the assessment's system are copied onto the CAP item when it is created (neither changes afterwards), and two
-- rollups are kept exact by statement triggers: items not closed per system and section, items the enterprise still
-- owes (open or rejected) per system and deadline (overdue: those with a deadline before today). An enterprise's own
-- counts read its items directly.
alter table evaluation_cap_items add column section_id text, add column system_code text;
update evaluation_cap_items c set section_id = f.section_id, system_code = a.system_code
  from evaluation_findings f join evaluation_assessments a on a.id = f.assessment_id where f.id = c.finding_id;
create function evaluation_cap_item_copy() returns trigger language plpgsql as $$
begin
  -- A bulk loader may give them; every other insert names the finding only.
  if new.system_code is null then
    select f.section_id, a.system_code into new.section_id, new.system_code
      from evaluation_findings f join evaluation_assessments a on a.id = f.assessment_id where f.id = new.finding_id;
  end if;
  return new;
end $$;
create trigger evaluation_cap_items_copy before insert on evaluation_cap_items
  for each row execute function evaluation_cap_item_copy();
create index evaluation_cap_items_enterprise_open_idx on evaluation_cap_items (enterprise_id)
  where status <> 'closed';

create table evaluation_cap_open_sections (
  system_code text not null,
  -- '' for findings outside any section.
  section_id text not null,
  items int not null,
  primary key (system_code, section_id)
);
create table evaluation_cap_owed_deadlines (
  system_code text not null,
  deadline date not null,
  items int not null,
  primary key (system_code, deadline)
);

-- Both rollups from the items (bulk loaders that write with triggers off call it afterwards).
create function evaluation_cap_rollups_rebuild() returns void language sql as $$
  delete from evaluation_cap_open_sections;
  delete from evaluation_cap_owed_deadlines;
  insert into evaluation_cap_open_sections
    select coalesce(system_code, ''), coalesce(section_id, ''), count(*) from evaluation_cap_items
    where status <> 'closed' group by 1, 2;
  insert into evaluation_cap_owed_deadlines
    select coalesce(system_code, ''), deadline, count(*) from evaluation_cap_items
    where status in ('open', 'rejected') group by 1, 2;
$$;
select evaluation_cap_rollups_rebuild();

create function evaluation_cap_rollup_trigger() returns trigger language plpgsql as $$
declare
  -- %1$s the sign, %2$I the transition table.
  sections constant text := 'insert into evaluation_cap_open_sections as r
      select coalesce(system_code, ''''), coalesce(section_id, ''''), %1$s * count(*) from %2$I
      where status <> ''closed'' group by 1, 2
    on conflict (system_code, section_id) do update set items = r.items + excluded.items';
  deadlines constant text := 'insert into evaluation_cap_owed_deadlines as r
      select coalesce(system_code, ''''), deadline, %1$s * count(*) from %2$I
      where status in (''open'', ''rejected'') group by 1, 2
    on conflict (system_code, deadline) do update set items = r.items + excluded.items';
begin
  if tg_op in ('UPDATE', 'DELETE') then
    execute format(sections, -1, 'old_items');
    execute format(deadlines, -1, 'old_items');
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    execute format(sections, 1, 'new_items');
    execute format(deadlines, 1, 'new_items');
  end if;
  return null;
end $$;
create trigger evaluation_cap_items_rollup_insert after insert on evaluation_cap_items
  referencing new table as new_items for each statement execute function evaluation_cap_rollup_trigger();
create trigger evaluation_cap_items_rollup_update after update on evaluation_cap_items
  referencing old table as old_items new table as new_items for each statement
  execute function evaluation_cap_rollup_trigger();
create trigger evaluation_cap_items_rollup_delete after delete on evaluation_cap_items
  referencing old table as old_items for each statement execute function evaluation_cap_rollup_trigger();
