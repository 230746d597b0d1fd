-- The closed loop for every problem raised (issue 5): departments and their members, categories routed to
-- departments with their service levels, the working-day calendar, salons, cases with their timeline,
-- in-app notifications and an e-mail outbox. Pure rules: packages/rules/src/cases.

-- Responsible bodies (FixMyStreet's "contacts"). Data, not roles: staff users are members (user_departments).
create table departments (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name_zh text not null,
  name_en text not null,
  -- Where the daily digest of overdue cases is sent (the outbox in the demo).
  email text,
  active boolean not null default true,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table user_departments (
  user_id uuid not null references users (id) on delete cascade,
  department_id uuid not null references departments (id) on delete cascade,
  primary key (user_id, department_id)
);
create index user_departments_department on user_departments (department_id);

-- Pinghu's bodies for the default categories (a demo set: administrators rename, add, deactivate).
insert into departments (code, name_zh, name_en, email, sort_order) values
  ('econ', '平湖市经济和信息化局', 'Economy and Information Technology Bureau', 'jxj@example.invalid', 10),
  ('finance', '平湖市财政局', 'Finance Bureau', 'czj@example.invalid', 20),
  ('land', '平湖市自然资源和规划局', 'Natural Resources and Planning Bureau', 'zrzyj@example.invalid', 30),
  ('hrss', '平湖市人力资源和社会保障局', 'Human Resources and Social Security Bureau', 'rsj@example.invalid', 40),
  ('env', '嘉兴市生态环境局平湖分局', 'Ecology and Environment Bureau, Pinghu branch', 'sthjj@example.invalid', 50),
  ('amr', '平湖市市场监督管理局', 'Administration for Market Regulation', 'scjgj@example.invalid', 60),
  ('commerce', '平湖市商务局', 'Commerce Bureau', 'swj@example.invalid', 70),
  ('justice', '平湖市司法局', 'Justice Bureau', 'sfj@example.invalid', 80);

-- Categories of problems, each routed to a department (null: the coordinator routes by hand), with its service
-- level in working days (packages/rules DEFAULT_CASE_SLA 1 / 5 / 15; acknowledge ≤ first answer ≤ resolve).
create table case_categories (
  code text primary key,
  name_zh text not null,
  name_en text not null,
  department_id uuid references departments (id) on delete set null,
  acknowledge_days int not null default 1 check (acknowledge_days between 1 and 250),
  first_answer_days int not null default 5 check (first_answer_days between 1 and 250),
  resolve_days int not null default 15 check (resolve_days between 1 and 250),
  active boolean not null default true,
  sort_order int not null default 0,
  updated_at timestamptz not null default now(),
  check (acknowledge_days <= first_answer_days and first_answer_days <= resolve_days)
);

insert into case_categories (code, name_zh, name_en, department_id, sort_order)
select c.code, c.name_zh, c.name_en, d.id, c.sort_order
  from (values
    ('policy', '政策咨询', 'Policy', 'econ', 10),
    ('finance', '融资财税', 'Finance', 'finance', 20),
    ('landAndPremises', '用地厂房', 'Land and premises', 'land', 30),
    ('labourAndTalent', '用工人才', 'Labour and talent', 'hrss', 40),
    ('environment', '生态环境', 'Environment', 'env', 50),
    ('qualityAndInspection', '质量检验', 'Quality and inspection', 'amr', 60),
    ('marketAccess', '市场准入与外贸', 'Market access', 'commerce', 70),
    ('legal', '法律服务', 'Legal', 'justice', 80),
    ('other', '其他', 'Other', null, 90)
  ) as c (code, name_zh, name_en, dept, sort_order)
  left join departments d on d.code = c.dept;

-- The working-day calendar, one row per year as the State Council publishes it (dates 'YYYY-MM-DD').
create table work_calendar_years (
  year int primary key check (year between 2000 and 2099),
  holidays jsonb not null default '[]',
  make_up_workdays jsonb not null default '[]',
  verified boolean not null default false,
  source text not null default '',
  updated_at timestamptz not null default now()
);

insert into work_calendar_years (year, holidays, make_up_workdays, verified, source) values
  (2025, '["2025-01-01","2025-01-28","2025-01-29","2025-01-30","2025-01-31","2025-02-01","2025-02-02","2025-02-03","2025-02-04","2025-04-04","2025-04-05","2025-04-06","2025-05-01","2025-05-02","2025-05-03","2025-05-04","2025-05-05","2025-05-31","2025-06-01","2025-06-02","2025-10-01","2025-10-02","2025-10-03","2025-10-04","2025-10-05","2025-10-06","2025-10-07","2025-10-08"]'::jsonb, '["2025-01-26","2025-02-08","2025-04-27","2025-09-28","2025-10-11"]'::jsonb, true, '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)'),
  (2026, '["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23","2026-04-04","2026-04-05","2026-04-06","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21","2026-09-25","2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"]'::jsonb, '["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"]'::jsonb, true, '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)');

-- Government–business salons (亲清夜沙龙) and forums: the problems collected there are cases with channel 'salon'.
create table salons (
  id uuid primary key default gen_random_uuid(),
  held_on date not null,
  place text not null,
  topic text not null default '',
  hosts text not null,
  -- Names of the attending entrepreneurs (free text, one a line) and their number.
  attendees text not null default '',
  attendee_count int not null default 0 check (attendee_count >= 0),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index salons_held_on on salons (held_on desc);

create table cases (
  id uuid primary key default gen_random_uuid(),
  tracking_number text not null unique,
  channel text not null check (channel in ('salon', 'enterprise', 'phone', 'letter', 'petition', 'labourDispute', 'web')),
  category text not null references case_categories (code),
  department_id uuid references departments (id),
  status text not null default 'new' check (status in
    ('new', 'acknowledged', 'inProgress', 'answered', 'closed', 'notResponsible', 'duplicate', 'withdrawn')),
  title text not null,
  description text not null,
  -- Private: never in the public view.
  contact text not null default '',
  enterprise_name text not null default '',
  enterprise_id uuid references enterprises (id),
  salon_id uuid references salons (id) on delete set null,
  submitted_by uuid references users (id),
  submitted_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  first_answered_at timestamptz,
  answered_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  reopened_at timestamptz,
  reopen_count int not null default 0,
  escalations int not null default 0,
  rating text check (rating in ('satisfied', 'basically', 'notSatisfied')),
  rated_at timestamptz,
  duplicate_of uuid references cases (id),
  -- Deadlines (close of business on the N-th working day, packages/rules caseDeadlines), kept with the case.
  acknowledge_due timestamptz not null,
  first_answer_due timestamptz not null,
  resolve_due timestamptz not null,
  abuse_score real not null default 0,
  abuse_reasons text[] not null default '{}',
  held_for_review boolean not null default false,
  -- The Idempotency-Key of the submission and a hash of its body: the same key never makes a second case.
  idempotency_key text unique,
  request_hash text,
  updated_at timestamptz not null default now()
);
create index cases_submitted on cases (submitted_at desc, id);
create index cases_department_queue on cases (department_id, status, submitted_at desc);
create index cases_enterprise on cases (enterprise_id, submitted_at desc) where enterprise_id is not null;
create index cases_salon on cases (salon_id) where salon_id is not null;
create index cases_open_overdue on cases (department_id, resolve_due) where status in ('new', 'acknowledged', 'inProgress');
create index cases_duplicate_of on cases (duplicate_of) where duplicate_of is not null;

-- The timeline: submissions, status changes, transfers (reason internal), public replies, internal notes.
-- visibility 'public' events appear on the tracking page; their text only when text_public.
create table case_events (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id) on delete cascade,
  at timestamptz not null default now(),
  type text not null,
  visibility text not null check (visibility in ('public', 'internal')),
  text_public boolean not null default false,
  actor_kind text not null check (actor_kind in ('submitter', 'coordinator', 'department', 'system')),
  actor_id uuid references users (id),
  actor_name text not null default '',
  from_status text,
  to_status text,
  from_department_id uuid references departments (id),
  to_department_id uuid references departments (id),
  text text,
  rating text
);
create index case_events_case on case_events (case_id, at, id);

-- In-app notifications.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  case_id uuid references cases (id) on delete cascade,
  kind text not null,
  title text not null,
  body text not null default '',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on notifications (user_id, created_at desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- Mail to send. The demo never sends: administrators read it on the outbox page. A sender (SMTP from
-- JINGWEI_SMTP_URL, see modules/cases/README.md) would set sent_at.
create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  body text not null,
  kind text not null,
  case_id uuid references cases (id) on delete set null,
  department_id uuid references departments (id) on delete set null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  error text
);
create index email_outbox_created on email_outbox (created_at desc);

insert into scheduled_jobs (name, cron) values ('case-digest', 'daily');
