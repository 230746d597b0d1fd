-- Reminders of the evaluation programme (issue 4): CAP deadlines and assessment stage due dates, once per Shanghai day
-- (modules/evaluations/reminders.ts). Notifications may link anywhere in the console, not only to a case.

alter table notifications add column link text;

-- Every reminder sent, so none is sent twice: one row per item, kind, due date and threshold. item_id is a CAP item
-- (kinds cap.*) or an assessment (kinds stage.*); threshold is the days before the due date (7, 1 …) for kinds
-- ending in .due, and the week of delay (0 = first day overdue, 1 = a week later …) for kinds ending in .overdue.
-- due_on is part of the key: a due date moved later is a new date to remind of.
create table evaluation_reminders (
  id bigint generated always as identity primary key,
  item_id uuid not null,
  kind text not null,
  due_on date not null,
  threshold int not null,
  sent_on date not null,
  recipients int not null default 0,
  mails int not null default 0,
  created_at timestamptz not null default now(),
  unique (item_id, kind, due_on, threshold)
);
create index evaluation_reminders_sent_on on evaluation_reminders (sent_on desc);

insert into scheduled_jobs (name, cron) values ('evaluation-reminders', 'daily');
