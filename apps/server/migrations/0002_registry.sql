-- Enterprise registry keyed by the unified social credit code.

create table towns (
  code text primary key,
  name text not null unique,
  county_code text not null,
  kind text not null check (kind in ('town', 'subdistrict'))
);

create table certification_types (
  code text primary key,
  name text not null,
  sort_order int not null default 0
);

create table honour_types (
  code text primary key,
  name text not null,
  sort_order int not null default 0
);

create table enterprises (
  id uuid primary key default gen_random_uuid(),
  uscc text not null unique check (length(uscc) = 18),
  uscc_is_demo boolean not null default false,
  name text not null,
  normalised_name text not null,
  former_names text[] not null default '{}',
  aliases text[] not null default '{}',
  legal_representative text,
  address text,
  town_code text references towns (code),
  industry_code text,
  above_scale boolean not null default false,
  employees int check (employees >= 0),
  founded_on date,
  export_flag boolean not null default false,
  main_products text,
  brands jsonb not null default '[]',
  contacts jsonb not null default '[]',
  is_synthetic boolean not null default false,
  search_tokens tsvector not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprises_search_idx on enterprises using gin (search_tokens);
create index enterprises_name_idx on enterprises (name);
create index enterprises_normalised_name_idx on enterprises (normalised_name);
create index enterprises_town_idx on enterprises (town_code, name);
create index enterprises_updated_idx on enterprises (updated_at desc);
alter table users add constraint users_enterprise_fk foreign key (enterprise_id) references enterprises (id);

create table enterprise_certifications (
  id bigserial primary key,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  type text not null references certification_types (code),
  number text,
  issuer text,
  valid_from date,
  valid_to date,
  check (valid_from is null or valid_to is null or valid_from <= valid_to)
);
create index enterprise_certifications_enterprise_idx on enterprise_certifications (enterprise_id);
create index enterprise_certifications_type_idx on enterprise_certifications (type, enterprise_id);
create index enterprise_certifications_valid_to_idx on enterprise_certifications (valid_to);

create table enterprise_honours (
  id bigserial primary key,
  enterprise_id uuid not null references enterprises (id) on delete cascade,
  type text references honour_types (code),
  title text not null,
  level text,
  issuer text,
  recognised_on date,
  document_number text
);
create index enterprise_honours_enterprise_idx on enterprise_honours (enterprise_id);
create index enterprise_honours_type_idx on enterprise_honours (type, enterprise_id);

-- Cluster-level statistics (e.g. 平湖市服装产业主要经济指标), one row per indicator and year.
create table cluster_indicators (
  cluster text not null,
  year int not null,
  indicator_key text not null,
  indicator text not null,
  value numeric not null,
  unit text not null,
  source text,
  primary key (cluster, indicator_key, year)
);

insert into certification_types (code, name, sort_order) values
  ('ISO9001', 'ISO 9001 质量管理体系', 1),
  ('ISO14001', 'ISO 14001 环境管理体系', 2),
  ('ISO45001', 'ISO 45001 职业健康安全管理体系', 3),
  ('CSC9000T', 'CSC9000T 中国纺织服装企业社会责任管理体系', 4),
  ('BSCI', 'amfori BSCI 社会责任审核', 5),
  ('SA8000', 'SA8000 社会责任标准', 6),
  ('OEKO_TEX', 'OEKO-TEX Standard 100', 7),
  ('WRAP', 'WRAP 环球服装生产社会责任', 8),
  ('GRS', 'GRS 全球回收标准', 9),
  ('CNAS_LAB', 'CNAS 认可实验室', 10);

insert into honour_types (code, name, sort_order) values
  ('EXPORT_EXEMPT', '出口免验企业', 1),
  ('REGIONAL_DEMO', '区域化管理示范企业', 2),
  ('PROVINCIAL_TECH_CENTRE', '省级企业技术中心', 3),
  ('FAMOUS_TRADEMARK', '著名商标', 4),
  ('FAMOUS_BRAND', '名牌产品', 5),
  ('CSR_PILOT', 'CSC9000T 社会责任试点企业', 6),
  ('OTHER', '其他荣誉', 99);
