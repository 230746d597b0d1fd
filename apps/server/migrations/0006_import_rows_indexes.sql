-- Lookups of one import's rows that a person's edit or decision makes (measured in bench/RESULTS.md on a
-- 100,000-row job on PostgreSQL, where the status index alone left each decision scanning ~65,000 rows):
-- another row updating the same enterprise, and other rows with the same USCC or normalised name (duplicates
-- inside the file). Partial: most rows have no enterprise yet (new, error), or lack one of the keys.
create index import_rows_enterprise_idx on import_rows (job_id, enterprise_id) where enterprise_id is not null;
create index import_rows_uscc_idx on import_rows (job_id, uscc_key) where uscc_key is not null;
create index import_rows_name_idx on import_rows (job_id, name_key) where name_key is not null;
