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

-- The programme list at scale (10,000 assessments): each enterprise's latest assessment, not cancelled.
create index evaluation_assessments_latest_idx on evaluation_assessments (enterprise_id, created_at desc, id)
  where stage <> 'cancelled';
