-- Retention: when a closed case was anonymised (issue 8).
ALTER TABLE cases ADD COLUMN "AnonymisedAt" timestamp with time zone;
