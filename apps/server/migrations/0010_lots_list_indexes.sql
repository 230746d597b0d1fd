-- The lot list's orders (newest declarations first by default, ship date, value) walk an index and stop after a
-- page instead of sorting millions of lots; the task list has its partial indexes in 0008.
create index lots_declared_at_idx on lots (declared_at);
create index lots_ship_date_idx on lots (ship_date);
create index lots_value_idx on lots (value_usd);
