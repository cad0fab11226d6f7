-- Return visits as tasks, validity clocks that lapse (issue 8, ADR 0020).
-- What a clock's due time means: breach (a deadline, every clock so far) or lapse (a validity period).
ALTER TABLE "clocks" ADD COLUMN "OnDue" TEXT NOT NULL DEFAULT 'breach';
ALTER TABLE "clocks" ADD COLUMN "LapsedAt" INTEGER NULL;
-- The return-visit task a visit completed.
ALTER TABLE "visits" ADD COLUMN "TaskId" TEXT NULL;
-- Running protection-order validity clocks end as lapsed from now on, as the rule file now says.
UPDATE "clocks" SET "OnDue" = 'lapse' WHERE "RuleId" = 'po-validity' AND "State" IN ('pending', 'reminded');
