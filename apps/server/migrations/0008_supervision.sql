-- Classified supervision of exporters (issue 3): product categories and their risk, classification rule sets and
-- decisions, export lot declarations with their decision and draw, inspections with defects, the ISO 2859-1
-- switching state per enterprise × product category, privileges, public good/bad lists, video spot checks, and a
-- monthly statistics table kept by trigger so indicators and classification signals never scan all lots.

-- Product categories: the risk grade decides, with the class, the supervision mode; the AQLs and level are the
-- defaults of an inspection of the category (a null critical AQL means "not allowed": Ac 0 / Re 1).
create table product_categories (
  code text primary key,
  name_zh text not null,
  name_en text not null,
  risk text not null check (risk in ('low', 'medium', 'high')),
  hs_prefixes text[] not null default '{}',
  inspection_level text not null default 'II',
  aql_critical numeric,
  aql_major numeric not null default 2.5,
  aql_minor numeric not null default 4.0,
  sort_order int not null default 0,
  updated_at timestamptz not null default now()
);

insert into product_categories (code, name_zh, name_en, risk, hs_prefixes, sort_order) values
  ('knitted', '针织服装', 'Knitted garments', 'medium', '{61}', 10),
  ('woven', '梭织服装', 'Woven garments', 'medium', '{62}', 20),
  ('childrens', '婴幼儿及儿童服装', 'Babies'' and children''s garments', 'high', '{6111,6209}', 30),
  ('down', '羽绒服装', 'Down garments', 'high', '{620140,620240,620193,620293}', 40),
  ('outerwear', '外套及风衣', 'Coats and jackets', 'medium', '{6201,6202}', 50),
  ('sportswear', '运动服装', 'Sportswear', 'low', '{6112,6211}', 60),
  ('accessories', '服饰配件', 'Clothing accessories', 'low', '{6117,6217}', 70);

-- Garment defect taxonomy; the inspector may change the class of a defect on a given lot.
create table defect_types (
  code text primary key,
  category text not null check (category in ('fabric', 'workmanship', 'measurement', 'labelling', 'safety')),
  name_zh text not null,
  name_en text not null,
  default_class text not null check (default_class in ('critical', 'major', 'minor')),
  sort_order int not null default 0
);

insert into defect_types (code, category, name_zh, name_en, default_class, sort_order) values
  ('fabric.hole', 'fabric', '破洞', 'Hole', 'major', 10),
  ('fabric.stain', 'fabric', '污渍', 'Stain', 'minor', 11),
  ('fabric.shading', 'fabric', '色差', 'Shade variation', 'major', 12),
  ('fabric.yarn_fault', 'fabric', '纱疵（粗纱、断纱）', 'Yarn fault (slub, broken yarn)', 'minor', 13),
  ('fabric.pilling', 'fabric', '起毛起球', 'Pilling', 'minor', 14),
  ('workmanship.broken_stitch', 'workmanship', '断线、跳针', 'Broken or skipped stitches', 'major', 20),
  ('workmanship.open_seam', 'workmanship', '开缝', 'Open seam', 'major', 21),
  ('workmanship.puckering', 'workmanship', '起皱', 'Puckering', 'minor', 22),
  ('workmanship.loose_thread', 'workmanship', '线头', 'Untrimmed thread', 'minor', 23),
  ('workmanship.uneven_hem', 'workmanship', '底边不齐', 'Uneven hem', 'minor', 24),
  ('workmanship.button_insecure', 'workmanship', '纽扣不牢', 'Insecure button', 'major', 25),
  ('measurement.out_of_tolerance', 'measurement', '尺寸超差', 'Measurement out of tolerance', 'major', 30),
  ('measurement.asymmetry', 'measurement', '左右不对称', 'Asymmetry', 'minor', 31),
  ('labelling.missing_fibre', 'labelling', '缺少纤维成分标识', 'Fibre content label missing', 'major', 40),
  ('labelling.wrong_care', 'labelling', '洗涤标识错误', 'Wrong care label', 'major', 41),
  ('labelling.wrong_size', 'labelling', '尺码标错误', 'Wrong size label', 'major', 42),
  ('labelling.missing_origin', 'labelling', '缺少原产地标识', 'Country of origin missing', 'minor', 43),
  ('safety.needle', 'safety', '断针、残留针', 'Broken or left-in needle', 'critical', 50),
  ('safety.sharp_point', 'safety', '锐利尖端或边缘', 'Sharp point or edge', 'critical', 51),
  ('safety.drawstring', 'safety', '童装绳带不合规', 'Non-compliant cord or drawstring (children)', 'critical', 52),
  ('safety.small_parts', 'safety', '小部件易脱落', 'Detachable small parts', 'critical', 53);

-- Classification rule sets as data (packages/rules ClassificationRuleSet). A version is a draft until published;
-- a published version is frozen; exactly one is in force (the latest published).
create table classification_rule_sets (
  id uuid primary key default gen_random_uuid(),
  version text not null unique,
  status text not null check (status in ('draft', 'published', 'retired')),
  rules jsonb not null,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  published_by uuid references users (id),
  published_at timestamptz
);
create unique index classification_rule_sets_in_force on classification_rule_sets ((true)) where status = 'published';

-- The regulator's checklist: a score per Decree 113 element, the latest per enterprise is used.
create table enterprise_assessments (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  scores jsonb not null,
  assessed_on date not null,
  assessed_by uuid references users (id),
  note text,
  created_at timestamptz not null default now()
);
create index enterprise_assessments_latest_idx on enterprise_assessments (enterprise_id, assessed_on desc, created_at desc);

-- Quality events that are signals but not lots: returns, claims, warnings from abroad, penalty decisions.
create table quality_events (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  kind text not null check (kind in ('return', 'claim', 'warning', 'penalty', 'complaint')),
  occurred_on date not null,
  description text not null,
  lot_id uuid,
  recorded_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index quality_events_enterprise_idx on quality_events (enterprise_id, occurred_on desc);

-- Every class decision, kept for history; enterprise_supervision points at the one in force.
create table class_decisions (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  class text not null check (class in ('I', 'II', 'III', 'IV')),
  computed_class text not null check (computed_class in ('I', 'II', 'III', 'IV')),
  base_class text not null check (base_class in ('I', 'II', 'III', 'IV')),
  score_total numeric not null,
  rule_set_id uuid not null references classification_rule_sets (id),
  rule_set_version text not null,
  signals jsonb not null,
  applied jsonb not null,
  trace jsonb not null,
  override jsonb,
  trigger text not null check (trigger in ('single', 'all', 'schedule', 'override', 'demo')),
  decided_by uuid references users (id),
  decided_at timestamptz not null default now()
);
create index class_decisions_enterprise_idx on class_decisions (enterprise_id, decided_at desc);

-- Current class, manual override and privileges of an exporter.
create table enterprise_supervision (
  enterprise_id uuid primary key references enterprises (id) on delete cascade,
  class text check (class in ('I', 'II', 'III', 'IV')),
  decision_id uuid references class_decisions (id),
  override_class text check (override_class in ('I', 'II', 'III', 'IV')),
  override_reason text,
  override_expires_on date,
  override_by uuid references users (id),
  green_channel boolean not null default false,
  green_channel_since date,
  green_channel_reason text,
  updated_at timestamptz not null default now()
);
create index enterprise_supervision_class_idx on enterprise_supervision (class);

-- Export lot declarations (报检) with the decision taken at declaration.
create sequence lot_number_seq;
create table lots (
  id uuid primary key default gen_random_uuid(),
  declaration_no text not null unique,
  enterprise_id uuid not null references enterprises (id),
  product_category text not null references product_categories (code),
  hs_code text not null check (hs_code ~ '^[0-9]{6,10}$'),
  description text,
  quantity int not null check (quantity > 0),
  unit text not null default 'pcs',
  lot_size int not null check (lot_size > 0),
  value_usd numeric(14, 2) not null check (value_usd >= 0),
  destination text not null,
  buyer text,
  brand text,
  ship_date date not null,
  self_sample_size int check (self_sample_size >= 0),
  self_defects int check (self_defects >= 0),
  self_passed boolean not null,
  self_note text,
  declared_by uuid references users (id),
  declared_at timestamptz not null default now(),
  declared_on date not null default current_date,
  -- the decision
  enterprise_class text not null check (enterprise_class in ('I', 'II', 'III', 'IV')),
  product_risk text not null check (product_risk in ('low', 'medium', 'high')),
  mode text not null check (mode in ('verification', 'general', 'stringent', 'special')),
  sampling_share numeric not null,
  draw_seed text,
  draw_value double precision,
  draw_hash text,
  decision text not null check (decision in ('release', 'inspect')),
  decision_reason jsonb not null,
  rule_set_version text not null,
  fee_waived numeric(12, 2) not null default 0,
  -- the workflow
  status text not null check (status in ('released', 'awaiting_inspection', 'accepted', 'rework', 'withdrawn')),
  official_result text check (official_result in ('accepted', 'rejected')),
  inspector_id uuid references users (id),
  release_no text unique,
  released_at timestamptz,
  updated_at timestamptz not null default now()
);
create index lots_enterprise_idx on lots (enterprise_id, declared_at desc);
create index lots_task_idx on lots (inspector_id, status, ship_date) where status in ('awaiting_inspection', 'rework');
create index lots_open_idx on lots (status, ship_date) where status in ('awaiting_inspection', 'rework');
create index lots_declared_idx on lots (declared_on);

-- Files attached to lots (self-inspection reports, inspection photos, video screenshots); small, so in the database.
create table attachments (
  id uuid primary key default gen_random_uuid(),
  owner_type text not null check (owner_type in ('lot', 'inspection', 'defect', 'spot_check', 'exemption')),
  owner_id uuid not null,
  filename text not null,
  mime_type text not null,
  size_bytes int not null,
  content bytea not null,
  uploaded_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index attachments_owner_idx on attachments (owner_type, owner_id);

-- Inspections of a lot: round 1 is the original inspection, later rounds re-inspect after rework.
create table inspections (
  id uuid primary key default gen_random_uuid(),
  lot_id uuid not null references lots (id) on delete cascade,
  round int not null check (round >= 1),
  inspector_id uuid references users (id),
  stage text not null check (stage in ('normal', 'tightened', 'reduced')),
  level text not null,
  code_letter text not null,
  sample_size int not null check (sample_size > 0),
  full_inspection boolean not null,
  plans jsonb not null,
  defects_found jsonb not null,
  result text not null check (result in ('accepted', 'rejected')),
  note text,
  completed_at timestamptz not null default now(),
  unique (lot_id, round)
);
create index inspections_inspector_idx on inspections (inspector_id, completed_at desc);

create table inspection_defects (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspections (id) on delete cascade,
  defect_code text not null references defect_types (code),
  defect_class text not null check (defect_class in ('critical', 'major', 'minor')),
  quantity int not null check (quantity > 0),
  measurement jsonb,
  note text
);
create index inspection_defects_inspection_idx on inspection_defects (inspection_id);

-- ISO 2859-1 switching state per enterprise × product category, and every transition.
create table switching_states (
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  product_category text not null references product_categories (code),
  stage text not null check (stage in ('normal', 'tightened', 'reduced', 'discontinued')),
  state jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, product_category)
);

create table switching_events (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  product_category text not null references product_categories (code),
  lot_id uuid references lots (id) on delete set null,
  from_stage text not null,
  to_stage text not null,
  reason_key text not null,
  reason_params jsonb not null,
  reason text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index switching_events_idx on switching_events (enterprise_id, product_category, created_at desc);

-- Inspection exemption (免验) applications with the evidence computed at application time.
create table exemption_applications (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  product_category text not null references product_categories (code),
  status text not null check (status in ('submitted', 'approved', 'rejected', 'revoked')),
  evidence jsonb not null,
  criteria_met boolean not null,
  statement text,
  applied_by uuid references users (id),
  applied_at timestamptz not null default now(),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text,
  valid_from date,
  valid_to date,
  revoked_at timestamptz,
  revoke_reason text
);
create index exemption_applications_enterprise_idx on exemption_applications (enterprise_id, applied_at desc);
create unique index exemption_applications_open_idx on exemption_applications (enterprise_id, product_category)
  where status in ('submitted', 'approved');

-- Public good and bad lists (宣传一批 / 通报一批): drafted, reviewed, then published on the portal.
create table public_list_entries (
  id uuid primary key default gen_random_uuid(),
  list text not null check (list in ('good', 'bad')),
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  title text not null,
  reason text not null,
  period text not null,
  status text not null check (status in ('draft', 'published', 'withdrawn')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  published_by uuid references users (id),
  published_at timestamptz,
  withdrawn_reason text
);
create index public_list_entries_idx on public_list_entries (list, status, published_at desc);

-- Production-line cameras and remote spot checks (Jingwei stores no video, only the log and a screenshot).
create table cameras (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  name text not null,
  location text not null,
  stream_url text not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index cameras_enterprise_idx on cameras (enterprise_id);

create table video_spot_checks (
  id uuid primary key default gen_random_uuid(),
  camera_id uuid not null references cameras (id) on delete cascade,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  inspector_id uuid references users (id),
  checked_at timestamptz not null,
  result text not null check (result in ('ok', 'issue')),
  findings text not null,
  created_at timestamptz not null default now()
);
create index video_spot_checks_idx on video_spot_checks (enterprise_id, checked_at desc);

-- Monthly lot statistics per enterprise, kept exact by trigger: each lot contributes a vector of counts to the
-- month it was declared in; an update subtracts the old contribution and adds the new one.
create table lot_stats_monthly (
  enterprise_id uuid not null,
  month date not null,
  lots int not null default 0,
  value_usd numeric(16, 2) not null default 0,
  self_passed int not null default 0,
  inspected int not null default 0,
  official_accepted int not null default 0,
  official_rejected int not null default 0,
  released_without_inspection int not null default 0,
  mode_verification int not null default 0,
  mode_general int not null default 0,
  mode_stringent int not null default 0,
  mode_special int not null default 0,
  fees_waived numeric(14, 2) not null default 0,
  primary key (enterprise_id, month)
);
create index lot_stats_monthly_month_idx on lot_stats_monthly (month);

create function lot_stats_apply(l lots, sign int) returns void language plpgsql as $$
begin
  insert into lot_stats_monthly as s (enterprise_id, month, lots, value_usd, self_passed, inspected,
    official_accepted, official_rejected, released_without_inspection, mode_verification, mode_general,
    mode_stringent, mode_special, fees_waived)
  values (l.enterprise_id, date_trunc('month', l.declared_on)::date, sign, sign * l.value_usd,
    sign * (l.self_passed::int), sign * ((l.official_result is not null)::int),
    sign * ((l.official_result is not distinct from 'accepted')::int),
    sign * ((l.official_result is not distinct from 'rejected')::int),
    sign * ((l.decision = 'release')::int),
    sign * ((l.mode = 'verification')::int), sign * ((l.mode = 'general')::int),
    sign * ((l.mode = 'stringent')::int), sign * ((l.mode = 'special')::int), sign * l.fee_waived)
  on conflict (enterprise_id, month) do update set
    lots = s.lots + excluded.lots,
    value_usd = s.value_usd + excluded.value_usd,
    self_passed = s.self_passed + excluded.self_passed,
    inspected = s.inspected + excluded.inspected,
    official_accepted = s.official_accepted + excluded.official_accepted,
    official_rejected = s.official_rejected + excluded.official_rejected,
    released_without_inspection = s.released_without_inspection + excluded.released_without_inspection,
    mode_verification = s.mode_verification + excluded.mode_verification,
    mode_general = s.mode_general + excluded.mode_general,
    mode_stringent = s.mode_stringent + excluded.mode_stringent,
    mode_special = s.mode_special + excluded.mode_special,
    fees_waived = s.fees_waived + excluded.fees_waived;
end;
$$;

create function lot_stats_trigger() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.enterprise_id = new.enterprise_id and old.declared_on = new.declared_on
     and old.value_usd = new.value_usd and old.self_passed = new.self_passed
     and old.official_result is not distinct from new.official_result and old.decision = new.decision
     and old.mode = new.mode and old.fee_waived = new.fee_waived then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then perform lot_stats_apply(old, -1); end if;
  if tg_op in ('UPDATE', 'INSERT') then perform lot_stats_apply(new, 1); end if;
  return null;
end;
$$;

create trigger lots_stats after insert or update or delete on lots
  for each row execute function lot_stats_trigger();

-- Scheduled jobs (reclassify all on a schedule): the last run of each, so a restart does not repeat one.
create table scheduled_jobs (
  name text primary key,
  cron text not null,
  enabled boolean not null default true,
  last_run_at timestamptz,
  last_result jsonb
);
insert into scheduled_jobs (name, cron) values ('reclassify-all', 'monthly');
