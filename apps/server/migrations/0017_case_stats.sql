-- The case loop at 1,000,000 cases (issue 5, bench/cases.ts): the dashboard and the list's totals read rollups
-- instead of counting the cases table, medians are read from a histogram and an index, the work queue's overdue
-- page from an index of open cases, and its text search from an index of character pairs.
--
-- case_stats: the cases counted per status, held for review, per rating and answered, for each Shanghai submission
-- period × department × category × channel × month closed, at two grains: 'month' (~13,000 rows for 1,000,000 cases
-- over 15 months: what a dashboard without dates reads) and 'day' (for the days at the ends of a date range that
-- do not fill a month). case_stats_durations: how many cases took how many hours to the first answer and to
-- closure, overall and per department, category, channel, month and day of submission; the dashboard finds the
-- hour that holds the median and reads the exact value from the index on the duration.
--
-- Both are kept exact by one trigger on cases, fired at commit (deferred): the rows it updates stay locked only
-- for the end of the transaction, so concurrent submissions of the same day and category hardly wait for each
-- other. rebuild_case_stats() recomputes both from cases (bulk loaders switch the trigger off and call it after).

-- Seconds from submission to the first answer, and to closure for cases closed for statistics (closed, not
-- responsible, withdrawn: packages/rules CLOSED_FOR_STATISTICS), as columns so an index can hold them.
alter table cases add column answer_seconds double precision
  generated always as (extract(epoch from first_answered_at - submitted_at)) stored;
alter table cases add column close_seconds double precision
  generated always as (case when status in ('closed', 'notResponsible', 'withdrawn')
                            then extract(epoch from closed_at - submitted_at) end) stored;

-- The list's text search (title or enterprise name contains the words typed): every pair of neighbouring
-- characters, lower-cased, in a GIN index. A match contains all of the query's pairs, so `@>` finds the candidates
-- and ILIKE (which compares lower-cased text) decides; Chinese needs no word breaking, and two characters suffice.
create function case_search_grams(t text) returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, length(t) - 1) as i
$$;
alter table cases add column search_grams text[]
  generated always as (case_search_grams(lower(title || ' ' || enterprise_name))) stored;
create index cases_search_grams on cases using gin (search_grams);

-- Ordered by duration, with the dashboard's filters, for index-only reads of the median.
create index cases_answer_seconds on cases (answer_seconds) include (department_id, category, channel, submitted_at)
  where answer_seconds is not null;
create index cases_close_seconds on cases (close_seconds) include (department_id, category, channel, submitted_at)
  where close_seconds is not null;
-- Open cases by deadline with the dashboard's filters (overdue counts read the index only), and newest first
-- (the work queue's overdue page walks the open cases, not the whole table, to the older overdue ones).
create index cases_open_due on cases (resolve_due) include (department_id, category, channel, submitted_at)
  where status in ('new', 'acknowledged', 'inProgress');
create index cases_open_recent on cases (submitted_at desc, id desc) include (department_id, resolve_due)
  where status in ('new', 'acknowledged', 'inProgress');

create table case_stats (
  grain text not null check (grain in ('day', 'month')),
  -- The Shanghai date (UTC+8 all year) of submission, or the first day of its month; and that month.
  period date not null,
  month date not null,
  -- null: not routed (the coordinator's queue).
  department_id uuid,
  category text not null,
  channel text not null,
  -- First day of the Shanghai month the case was closed in, for cases closed for statistics; else null.
  closed_month date,
  st_new int not null default 0,
  st_acknowledged int not null default 0,
  st_in_progress int not null default 0,
  st_answered int not null default 0,
  st_closed int not null default 0,
  st_not_responsible int not null default 0,
  st_duplicate int not null default 0,
  st_withdrawn int not null default 0,
  held int not null default 0,
  satisfied int not null default 0,
  basically int not null default 0,
  not_satisfied int not null default 0,
  -- With a first answer (the median's population).
  answered int not null default 0
);
create unique index case_stats_key on case_stats (grain, period, department_id, category, channel, closed_month)
  nulls not distinct;

create table case_stats_durations (
  kind text not null check (kind in ('answer', 'close')),
  -- 'all' (value ''), 'department' (its id, '' for none), 'category', 'channel', 'month' (YYYY-MM) or 'day'
  -- (YYYY-MM-DD) of submission in Shanghai.
  dim text not null,
  value text not null,
  -- floor(seconds / 3,600).
  hour int not null,
  n int not null default 0,
  primary key (kind, dim, value, hour)
);

-- What the rollups hold, straight from cases: rebuild_case_stats() copies these, the tests compare with them.
create view case_stats_expected as
select g.grain, case g.grain when 'day' then k.shanghai::date else date_trunc('month', k.shanghai)::date end as period,
  date_trunc('month', k.shanghai)::date as month, c.department_id, c.category, c.channel, k.closed_month,
  count(*) filter (where c.status = 'new')::int as st_new,
  count(*) filter (where c.status = 'acknowledged')::int as st_acknowledged,
  count(*) filter (where c.status = 'inProgress')::int as st_in_progress,
  count(*) filter (where c.status = 'answered')::int as st_answered,
  count(*) filter (where c.status = 'closed')::int as st_closed,
  count(*) filter (where c.status = 'notResponsible')::int as st_not_responsible,
  count(*) filter (where c.status = 'duplicate')::int as st_duplicate,
  count(*) filter (where c.status = 'withdrawn')::int as st_withdrawn,
  count(*) filter (where c.held_for_review)::int as held,
  count(*) filter (where c.rating = 'satisfied')::int as satisfied,
  count(*) filter (where c.rating = 'basically')::int as basically,
  count(*) filter (where c.rating = 'notSatisfied')::int as not_satisfied,
  count(*) filter (where c.first_answered_at is not null)::int as answered
from cases c
cross join lateral (select (c.submitted_at at time zone 'UTC') + interval '8 hours' as shanghai,
  case when c.close_seconds is not null
       then date_trunc('month', (c.closed_at at time zone 'UTC') + interval '8 hours')::date end as closed_month) k
cross join (values ('day'), ('month')) as g (grain)
group by 1, 2, 3, 4, 5, 6, 7;

create view case_stats_durations_expected as
select d.kind, v.dim, v.value, floor(d.seconds / 3600)::int as hour, count(*)::int as n
from cases c
cross join lateral (select (c.submitted_at at time zone 'UTC') + interval '8 hours' as shanghai) k
cross join lateral (values ('answer', c.answer_seconds), ('close', c.close_seconds)) as d (kind, seconds)
cross join lateral (values ('all', ''), ('department', coalesce(c.department_id::text, '')),
  ('category', c.category), ('channel', c.channel), ('month', to_char(k.shanghai, 'YYYY-MM')),
  ('day', to_char(k.shanghai, 'YYYY-MM-DD'))) as v (dim, value)
where d.seconds is not null
group by 1, 2, 3, 4;

-- Adds one case to the rollups (sign 1) or takes it away (sign −1).
create function case_stats_add(c cases, sign int) returns void language plpgsql as $$
declare
  shanghai timestamp := (c.submitted_at at time zone 'UTC') + interval '8 hours';
begin
  insert into case_stats as s (grain, period, month, department_id, category, channel, closed_month, st_new,
    st_acknowledged, st_in_progress, st_answered, st_closed, st_not_responsible, st_duplicate, st_withdrawn, held,
    satisfied, basically, not_satisfied, answered)
  select g.grain, case g.grain when 'day' then shanghai::date else date_trunc('month', shanghai)::date end,
    date_trunc('month', shanghai)::date, c.department_id, c.category, c.channel,
    case when c.close_seconds is not null
         then date_trunc('month', (c.closed_at at time zone 'UTC') + interval '8 hours')::date end,
    sign * (c.status = 'new')::int, sign * (c.status = 'acknowledged')::int, sign * (c.status = 'inProgress')::int,
    sign * (c.status = 'answered')::int, sign * (c.status = 'closed')::int,
    sign * (c.status = 'notResponsible')::int, sign * (c.status = 'duplicate')::int,
    sign * (c.status = 'withdrawn')::int, sign * c.held_for_review::int,
    sign * coalesce(c.rating = 'satisfied', false)::int, sign * coalesce(c.rating = 'basically', false)::int,
    sign * coalesce(c.rating = 'notSatisfied', false)::int, sign * (c.first_answered_at is not null)::int
  from (values ('day'), ('month')) as g (grain)
  on conflict (grain, period, department_id, category, channel, closed_month) do update set
    st_new = s.st_new + excluded.st_new,
    st_acknowledged = s.st_acknowledged + excluded.st_acknowledged,
    st_in_progress = s.st_in_progress + excluded.st_in_progress,
    st_answered = s.st_answered + excluded.st_answered,
    st_closed = s.st_closed + excluded.st_closed,
    st_not_responsible = s.st_not_responsible + excluded.st_not_responsible,
    st_duplicate = s.st_duplicate + excluded.st_duplicate,
    st_withdrawn = s.st_withdrawn + excluded.st_withdrawn,
    held = s.held + excluded.held,
    satisfied = s.satisfied + excluded.satisfied,
    basically = s.basically + excluded.basically,
    not_satisfied = s.not_satisfied + excluded.not_satisfied,
    answered = s.answered + excluded.answered;
  if c.answer_seconds is null and c.close_seconds is null then
    return;
  end if;
  insert into case_stats_durations as s (kind, dim, value, hour, n)
  select d.kind, v.dim, v.value, floor(d.seconds / 3600)::int, sign
  from (values ('answer', c.answer_seconds), ('close', c.close_seconds)) as d (kind, seconds)
  cross join (values ('all', ''), ('department', coalesce(c.department_id::text, '')), ('category', c.category),
    ('channel', c.channel), ('month', to_char(shanghai, 'YYYY-MM')), ('day', to_char(shanghai, 'YYYY-MM-DD')))
    as v (dim, value)
  where d.seconds is not null
  on conflict (kind, dim, value, hour) do update set n = s.n + excluded.n;
end;
$$;

create function case_stats_trigger() returns trigger language plpgsql as $$
begin
  -- A change the rollups do not count (an escalation, a deadline, the text) writes nothing.
  if tg_op = 'UPDATE' and old.status = new.status and old.department_id is not distinct from new.department_id
     and old.category = new.category and old.channel = new.channel and old.submitted_at = new.submitted_at
     and old.closed_at is not distinct from new.closed_at and old.rating is not distinct from new.rating
     and old.held_for_review = new.held_for_review
     and old.first_answered_at is not distinct from new.first_answered_at then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then perform case_stats_add(old, -1); end if;
  if tg_op in ('UPDATE', 'INSERT') then perform case_stats_add(new, 1); end if;
  return null;
end;
$$;

create constraint trigger case_stats after insert or update or delete on cases
  deferrable initially deferred for each row execute function case_stats_trigger();

-- Recomputes both rollups from cases (after a bulk load with the trigger off, or to check them).
create function rebuild_case_stats() returns void language plpgsql as $$
begin
  delete from case_stats;
  delete from case_stats_durations;
  -- Months first: the rows a dashboard without dates reads lie together.
  insert into case_stats select * from case_stats_expected order by grain desc, period;
  insert into case_stats_durations select * from case_stats_durations_expected;
end;
$$;

select rebuild_case_stats();
