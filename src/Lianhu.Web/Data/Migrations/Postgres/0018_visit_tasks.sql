-- Return visits as tasks, validity clocks that lapse (issue 8, ADR 0020).
-- What a clock's due time means: breach (a deadline, every clock so far) or lapse (a validity period).
ALTER TABLE clocks ADD COLUMN "OnDue" character varying(40) NOT NULL DEFAULT 'breach';
ALTER TABLE clocks ADD COLUMN "LapsedAt" timestamp with time zone;
-- The return-visit task a visit completed.
ALTER TABLE visits ADD COLUMN "TaskId" uuid;
-- Running protection-order validity clocks end as lapsed from now on, as the rule file now says.
UPDATE clocks SET "OnDue" = 'lapse' WHERE "RuleId" = 'po-validity' AND "State" IN ('pending', 'reminded');
