-- A counter that moves with every statement that writes enterprises, so caches of the registry (the import
-- matcher's name index) can check freshness with one row read instead of scanning the table.
create table registry_state (
  id boolean primary key default true check (id),
  version bigint not null default 0
);
insert into registry_state default values;

create function bump_registry_version() returns trigger language plpgsql as $$
begin
  update registry_state set version = version + 1;
  return null;
end;
$$;

create trigger enterprises_registry_version
  after insert or update or delete on enterprises
  for each statement execute function bump_registry_version();
