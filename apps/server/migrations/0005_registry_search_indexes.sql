-- Indexes for the registry list's orders, measured in bench/RESULTS.md (100,000 enterprises on PostgreSQL):
-- the relevance order of text searches, exact alias lookups, and each sort the list offers.
create index enterprises_rank_idx on enterprises (length(name), name, id);
create index enterprises_aliases_idx on enterprises using gin (aliases);
create index enterprises_employees_idx on enterprises (employees nulls last, id);
create index enterprises_employees_desc_idx on enterprises (employees desc nulls last, id);
create index enterprises_founded_idx on enterprises (founded_on nulls last, id);
create index enterprises_founded_desc_idx on enterprises (founded_on desc nulls last, id);
