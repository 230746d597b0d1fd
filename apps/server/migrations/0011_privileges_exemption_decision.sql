-- Privileges (issue 3): what an exemption decision rests on, and a second demonstration title.

-- The criteria are evaluated again when a regulator decides (records may have changed since the application):
-- that evaluation is kept beside the application's snapshot (`evidence`), and an approval that overrides unmet
-- criteria records why. Additive only: the lots module keeps reading status / valid_from / valid_to.
alter table exemption_applications add column decision_evidence jsonb;
alter table exemption_applications add column override_reason text;

-- 出口质量安全示范企业: the national demonstration title named in seed 002 (Yinzhou), beside the regional one.
insert into honour_types (code, name, sort_order) values ('EXPORT_QUALITY_DEMO', '出口质量安全示范企业', 2)
  on conflict (code) do nothing;
