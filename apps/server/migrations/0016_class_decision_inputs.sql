-- Class decisions keep their inputs instead of their trace. The readable trace (~5 KB a decision) made
-- reclassifying 50,000 exporters write ~240 MB of JSON a run; the inputs are a few hundred bytes. Published rule
-- sets are frozen and classifyEnterprise is pure, so running it again on the stored inputs with the decision's rule
-- set (rule_set_id) gives back the same decision, trace and applied effects (classification/decision-inputs.ts).
--   scores      the checklist used: one score per element, in the order of the rule set's elements, [8, 7.5, …]
--   decided_on  the date the decision was taken for (classifyEnterprise's `today`: windows, override expiry)
--   signals     (existing column) the observations used, one tuple each: [metric, window, value, count, total]
--   override    (existing column) the override and whether it applied
-- trace and applied stay empty on new rows. Rows written before keep their trace and are shown as stored.
alter table class_decisions
  add column scores json,
  add column decided_on date,
  alter column trace drop not null,
  alter column applied drop not null,
  add constraint class_decisions_trace_or_inputs
    check ((trace is not null and applied is not null) or (scores is not null and decided_on is not null));
