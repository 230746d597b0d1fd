-- The case loop, continued (issue 5): split cases keep a link to the case they came from, and the outbox is sent by
-- an SMTP sender (modules/cases/mailer.ts) with retries; administrators may keep the SMTP settings in the console.

-- A case split off another (POST /cases/:id/split): the original's timeline lists its parts, each part names it.
alter table cases add column split_from uuid references cases (id);
create index cases_split_from on cases (split_from) where split_from is not null;

-- Sending: attempts so far, when the next may start (null: now; a claimed row is leased until then, so two
-- servers never send it twice), and when the sender gave up (after the last allowed attempt; error says why).
alter table email_outbox add column attempts int not null default 0;
alter table email_outbox add column next_attempt_at timestamptz;
alter table email_outbox add column failed_at timestamptz;
create index email_outbox_pending on email_outbox (created_at)
  where sent_at is null and failed_at is null;

-- SMTP settings kept in the console (one row). mode: 'environment' uses JINGWEI_SMTP_URL / JINGWEI_SMTP_FROM,
-- 'console' uses this row, 'off' sends nothing (mail stays in the outbox). The password never leaves the server.
create table mail_settings (
  id int primary key default 1 check (id = 1),
  mode text not null default 'environment' check (mode in ('environment', 'console', 'off')),
  host text not null default '',
  port int not null default 465 check (port between 1 and 65535),
  secure boolean not null default true,
  username text not null default '',
  password text not null default '',
  from_address text not null default '',
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);
