-- Closure outcome category, fed back to referring and task-holding agencies (issue 8, feedback).
ALTER TABLE "cases" ADD COLUMN "ClosureOutcome" TEXT NULL;
