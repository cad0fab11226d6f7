-- A scheduled case conference can be called off with a reason (encrypted) the invited agencies are told.
ALTER TABLE case_conferences ADD COLUMN "CancelledAt" timestamp with time zone;
ALTER TABLE case_conferences ADD COLUMN "CancelledByUserId" uuid;
ALTER TABLE case_conferences ADD COLUMN "CancellationReason" text;
