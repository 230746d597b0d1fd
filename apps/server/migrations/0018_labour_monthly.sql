-- Labour metrics per enterprise and month (issue 4: the hours and wage compliance trends of the programme). A
-- labour check run inside an assessment writes one row per month of its timesheet, replacing rows of the same
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
-- The cluster's months (the trends' aggregate reads every enterprise's row of a month range).
create index labour_monthly_metrics_month_idx on labour_monthly_metrics (month);

-- The programme at scale (10,000 assessments, 200,000 findings).
-- Each enterprise's latest assessment, not cancelled: read in index order by DISTINCT ON.
create index evaluation_assessments_latest_idx on evaluation_assessments (enterprise_id, created_at desc, id desc)
  where stage <> 'cancelled';
-- Open CAP items by element, and overdue ones, without counting 200,000 items a request: the finding's section and
-- the assessment's system are copied onto the CAP item when it is created (neither changes afterwards), and two
-- rollups are kept exact by trigger: items not closed per system and section, items the enterprise still owes (open
-- or rejected) per system and deadline (overdue = those with a deadline before today). An enterprise's own counts
-- read its items directly.
alter table evaluation_cap_items add column section_id text, add column system_code text;
update evaluation_cap_items c set section_id = f.section_id, system_code = a.system_code
  from evaluation_findings f join evaluation_assessments a on a.id = f.assessment_id where f.id = c.finding_id;
create function evaluation_cap_item_copy() returns trigger language plpgsql as $$
begin
  select f.section_id, a.system_code into new.section_id, new.system_code
    from evaluation_findings f join evaluation_assessments a on a.id = f.assessment_id where f.id = new.finding_id;
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
-- Both rollups from the items; bulk loaders that insert with triggers off call it afterwards.
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

create function evaluation_cap_rollup_apply(c evaluation_cap_items, sign int) returns void language plpgsql as $$
begin
  if c.status <> 'closed' then
    insert into evaluation_cap_open_sections values (coalesce(c.system_code, ''), coalesce(c.section_id, ''), sign)
      on conflict (system_code, section_id) do update set items = evaluation_cap_open_sections.items + sign;
  end if;
  if c.status in ('open', 'rejected') then
    insert into evaluation_cap_owed_deadlines values (coalesce(c.system_code, ''), c.deadline, sign)
      on conflict (system_code, deadline) do update set items = evaluation_cap_owed_deadlines.items + sign;
  end if;
end $$;
create function evaluation_cap_rollup_trigger() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform evaluation_cap_rollup_apply(old, -1);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    perform evaluation_cap_rollup_apply(new, 1);
  end if;
  return null;
end $$;
create trigger evaluation_cap_items_rollup after insert or delete or update of status, deadline
  on evaluation_cap_items for each row execute function evaluation_cap_rollup_trigger();
