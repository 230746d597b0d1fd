-- Evaluation systems as data (issue 4): versioned systems, assessments through their stages, answers, findings,
-- corrective action plan (CAP) items. The pure rules live in packages/rules/src/evaluation.

-- A system version: `code` + `version` is the system's own id and version label (EvaluationSystem.id/.version);
-- `definition` is the whole EvaluationSystem. A published row is frozen (the server refuses edits).
create table evaluation_systems (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  version text not null,
  status text not null check (status in ('draft', 'published')),
  kind text not null,
  name_zh text not null,
  name_en text not null,
  definition jsonb not null,
  shipped boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_by uuid references users (id),
  published_at timestamptz,
  unique (code, version)
);

create table evaluation_assessments (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id),
  system_id uuid not null references evaluation_systems (id),
  system_code text not null,
  system_version text not null,
  stage text not null check (stage in ('draft', 'selfAssessment', 'expertInitial', 'trainingTrial',
    'reassessment', 'rated', 'followUp', 'closed', 'cancelled')),
  title text,
  auditor_ids uuid[] not null default '{}',
  self_due_on date,
  site_visit_on date,
  worker_interviews int not null default 0 check (worker_interviews >= 0),
  document_review_done boolean not null default false,
  trial_started_on date,
  reassessment_due_on date,
  -- Values of computed indicators' platform metrics (e.g. from a labour check run inside the assessment).
  metrics jsonb not null default '{}',
  score jsonb,
  scored_at timestamptz,
  percent numeric(8, 4),
  level text,
  worst_level boolean not null default false,
  rating_withheld boolean not null default false,
  rated_on date,
  valid_until date,
  follow_up_due_on date,
  cancel_reason text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (site_visit_on is null or trial_started_on is null or site_visit_on <= trial_started_on)
);
create index evaluation_assessments_enterprise_idx on evaluation_assessments (enterprise_id, created_at desc);
create index evaluation_assessments_stage_idx on evaluation_assessments (stage);
create index evaluation_assessments_rated_idx on evaluation_assessments (rated_on) where rated_on is not null;

create table evaluation_stage_events (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references evaluation_assessments (id) on delete cascade,
  action text not null,
  from_stage text not null,
  to_stage text not null,
  on_date date not null,
  note text,
  actor_id uuid references users (id),
  created_at timestamptz not null default now()
);
create index evaluation_stage_events_assessment_idx on evaluation_stage_events (assessment_id, created_at);

-- One indicator's answers: the enterprise's self value and the auditor's value (scored when given).
create table evaluation_answers (
  assessment_id uuid not null references evaluation_assessments (id) on delete cascade,
  indicator_id text not null,
  self_value jsonb,
  auditor_value jsonb,
  overrule_reason text,
  self_by uuid references users (id),
  self_at timestamptz,
  auditor_by uuid references users (id),
  auditor_at timestamptz,
  primary key (assessment_id, indicator_id)
);

create table evaluation_findings (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references evaluation_assessments (id) on delete cascade,
  enterprise_id uuid not null references enterprises (id),
  source text not null check (source in ('manual', 'labour')),
  section_id text,
  indicator_id text,
  labour_rule text,
  severity text not null check (severity in ('low', 'medium', 'high')),
  zero_tolerance boolean not null default false,
  title text not null,
  detail text,
  worker_ids text[] not null default '{}',
  periods text[] not null default '{}',
  found_on date not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index evaluation_findings_assessment_idx on evaluation_findings (assessment_id, created_at);
create index evaluation_findings_enterprise_idx on evaluation_findings (enterprise_id, found_on);

create table evaluation_cap_items (
  id uuid primary key default gen_random_uuid(),
  finding_id uuid not null unique references evaluation_findings (id) on delete cascade,
  assessment_id uuid not null references evaluation_assessments (id) on delete cascade,
  enterprise_id uuid not null references enterprises (id),
  status text not null default 'open'
    check (status in ('open', 'submitted', 'rejected', 'accepted', 'verified', 'closed')),
  owner_name text,
  deadline date not null,
  evidence_required boolean not null default false,
  root_cause text,
  corrective_action text,
  auditor_comment text,
  verification_note text,
  last_reminded_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index evaluation_cap_items_open_idx on evaluation_cap_items (deadline) where status in ('open', 'rejected');
create index evaluation_cap_items_assessment_idx on evaluation_cap_items (assessment_id);

create table evaluation_cap_events (
  id uuid primary key default gen_random_uuid(),
  cap_item_id uuid not null references evaluation_cap_items (id) on delete cascade,
  action text not null,
  from_status text not null,
  to_status text not null,
  comment text,
  actor_id uuid references users (id),
  created_at timestamptz not null default now()
);
create index evaluation_cap_events_item_idx on evaluation_cap_events (cap_item_id, created_at);

-- Evidence files (self-assessment evidence, CAP evidence) live in attachments.
alter table attachments drop constraint attachments_owner_type_check;
alter table attachments add constraint attachments_owner_type_check check (owner_type in
  ('lot', 'inspection', 'defect', 'spot_check', 'exemption', 'evaluation_assessment', 'evaluation_cap'));
