-- Supervision indicators and video (issue 3). Indicators: a town-level monthly rollup of lot_stats_monthly, so
-- the cluster dashboard reads ~10 towns × 12 months of rows instead of summing a year of the per-enterprise table
-- (≈ 600,000 rows at 50,000 enterprises). Kept exact by triggers:
--   * every change of a lot_stats_monthly row adds (NEW − OLD) to the enterprise's town row for that month;
--   * an enterprise moving to another town moves all its counters from the old town's rows to the new town's.
-- Enterprises without a town are counted under the placeholder town code ''.
-- Bulk loaders that rebuild lot_stats_monthly with its trigger disabled call rebuild_lot_stats_town_monthly()
-- afterwards (or leave this trigger enabled: it stays exact, only slower, one upsert per stats row).

create table lot_stats_town_monthly (
  town_code text not null,
  month date not null,
  lots bigint not null default 0,
  value_usd numeric(18, 2) not null default 0,
  self_passed bigint not null default 0,
  inspected bigint not null default 0,
  official_accepted bigint not null default 0,
  official_rejected bigint not null default 0,
  released_without_inspection bigint not null default 0,
  mode_verification bigint not null default 0,
  mode_general bigint not null default 0,
  mode_stringent bigint not null default 0,
  mode_special bigint not null default 0,
  fees_waived numeric(16, 2) not null default 0,
  primary key (town_code, month)
);
create index lot_stats_town_monthly_month_idx on lot_stats_town_monthly (month);

-- Adds a vector of counters (already signed) to one town × month row.
create function lot_stats_town_add(
  p_town text, p_month date, d_lots bigint, d_value numeric, d_self_passed bigint, d_inspected bigint,
  d_accepted bigint, d_rejected bigint, d_released bigint, d_verification bigint, d_general bigint,
  d_stringent bigint, d_special bigint, d_fees numeric
) returns void language plpgsql as $$
begin
  -- A no-op change (all deltas zero) writes nothing, so unchanged rows never contend for the town row.
  if d_lots = 0 and d_value = 0 and d_self_passed = 0 and d_inspected = 0 and d_accepted = 0 and d_rejected = 0
     and d_released = 0 and d_verification = 0 and d_general = 0 and d_stringent = 0 and d_special = 0
     and d_fees = 0 then
    return;
  end if;
  insert into lot_stats_town_monthly as t (town_code, month, lots, value_usd, self_passed, inspected,
    official_accepted, official_rejected, released_without_inspection, mode_verification, mode_general,
    mode_stringent, mode_special, fees_waived)
  values (p_town, p_month, d_lots, d_value, d_self_passed, d_inspected, d_accepted, d_rejected, d_released,
    d_verification, d_general, d_stringent, d_special, d_fees)
  on conflict (town_code, month) do update set
    lots = t.lots + excluded.lots,
    value_usd = t.value_usd + excluded.value_usd,
    self_passed = t.self_passed + excluded.self_passed,
    inspected = t.inspected + excluded.inspected,
    official_accepted = t.official_accepted + excluded.official_accepted,
    official_rejected = t.official_rejected + excluded.official_rejected,
    released_without_inspection = t.released_without_inspection + excluded.released_without_inspection,
    mode_verification = t.mode_verification + excluded.mode_verification,
    mode_general = t.mode_general + excluded.mode_general,
    mode_stringent = t.mode_stringent + excluded.mode_stringent,
    mode_special = t.mode_special + excluded.mode_special,
    fees_waived = t.fees_waived + excluded.fees_waived;
end;
$$;

-- The town an enterprise's statistics count under. FOR SHARE: a concurrent town change of the same enterprise
-- waits for this transaction (and vice versa), so its move sees every counter this one adds — the rollup stays
-- exact under concurrency.
create function lot_stats_town_of(p_enterprise uuid) returns text language plpgsql as $$
declare
  town text;
begin
  select coalesce(e.town_code, '') into town from enterprises e where e.id = p_enterprise for share;
  return coalesce(town, '');
end;
$$;

create function lot_stats_town_trigger() returns trigger language plpgsql as $$
declare
  town text;
begin
  if tg_op = 'UPDATE' and old.enterprise_id = new.enterprise_id and old.month = new.month then
    town := lot_stats_town_of(new.enterprise_id);
    perform lot_stats_town_add(town, new.month, new.lots - old.lots, new.value_usd - old.value_usd,
      new.self_passed - old.self_passed, new.inspected - old.inspected,
      new.official_accepted - old.official_accepted, new.official_rejected - old.official_rejected,
      new.released_without_inspection - old.released_without_inspection,
      new.mode_verification - old.mode_verification, new.mode_general - old.mode_general,
      new.mode_stringent - old.mode_stringent, new.mode_special - old.mode_special,
      new.fees_waived - old.fees_waived);
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    town := lot_stats_town_of(old.enterprise_id);
    perform lot_stats_town_add(town, old.month, -old.lots, -old.value_usd, -old.self_passed, -old.inspected,
      -old.official_accepted, -old.official_rejected, -old.released_without_inspection, -old.mode_verification,
      -old.mode_general, -old.mode_stringent, -old.mode_special, -old.fees_waived);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    town := lot_stats_town_of(new.enterprise_id);
    perform lot_stats_town_add(town, new.month, new.lots, new.value_usd, new.self_passed, new.inspected,
      new.official_accepted, new.official_rejected, new.released_without_inspection, new.mode_verification,
      new.mode_general, new.mode_stringent, new.mode_special, new.fees_waived);
  end if;
  return null;
end;
$$;

create trigger lot_stats_town_rollup after insert or update or delete on lot_stats_monthly
  for each row execute function lot_stats_town_trigger();

-- An enterprise changing town takes its history with it: its counters leave the old town's rows and join the
-- new town's, month by month.
create function lot_stats_town_move(p_enterprise uuid, p_from text, p_to text) returns void language plpgsql as $$
declare
  s record;
begin
  for s in select * from lot_stats_monthly where enterprise_id = p_enterprise loop
    perform lot_stats_town_add(p_from, s.month, -s.lots, -s.value_usd, -s.self_passed, -s.inspected,
      -s.official_accepted, -s.official_rejected, -s.released_without_inspection, -s.mode_verification,
      -s.mode_general, -s.mode_stringent, -s.mode_special, -s.fees_waived);
    perform lot_stats_town_add(p_to, s.month, s.lots, s.value_usd, s.self_passed, s.inspected,
      s.official_accepted, s.official_rejected, s.released_without_inspection, s.mode_verification,
      s.mode_general, s.mode_stringent, s.mode_special, s.fees_waived);
  end loop;
end;
$$;

create function lot_stats_town_enterprise_trigger() returns trigger language plpgsql as $$
begin
  perform lot_stats_town_move(new.id, coalesce(old.town_code, ''), coalesce(new.town_code, ''));
  return null;
end;
$$;

create trigger enterprises_town_rollup after update of town_code on enterprises
  for each row when (old.town_code is distinct from new.town_code)
  execute function lot_stats_town_enterprise_trigger();

-- Recomputes the rollup from lot_stats_monthly (after a bulk load, or to check it).
create function rebuild_lot_stats_town_monthly() returns void language plpgsql as $$
begin
  delete from lot_stats_town_monthly;
  insert into lot_stats_town_monthly (town_code, month, lots, value_usd, self_passed, inspected,
    official_accepted, official_rejected, released_without_inspection, mode_verification, mode_general,
    mode_stringent, mode_special, fees_waived)
  select coalesce(e.town_code, ''), s.month, sum(s.lots), sum(s.value_usd), sum(s.self_passed), sum(s.inspected),
    sum(s.official_accepted), sum(s.official_rejected), sum(s.released_without_inspection),
    sum(s.mode_verification), sum(s.mode_general), sum(s.mode_stringent), sum(s.mode_special), sum(s.fees_waived)
  from lot_stats_monthly s
  left join enterprises e on e.id = s.enterprise_id
  group by 1, 2;
end;
$$;

select rebuild_lot_stats_town_monthly();

-- Video (issue 3): the camera register shows each camera's latest spot check and count; 0008 indexes the checks
-- by enterprise only.
create index video_spot_checks_camera_idx on video_spot_checks (camera_id, checked_at desc);
