-- A scheduled case conference can be called off with a reason (encrypted) the invited agencies are told.
ALTER TABLE "case_conferences" ADD COLUMN "CancelledAt" INTEGER NULL;
ALTER TABLE "case_conferences" ADD COLUMN "CancelledByUserId" TEXT NULL;
ALTER TABLE "case_conferences" ADD COLUMN "CancellationReason" TEXT NULL;
