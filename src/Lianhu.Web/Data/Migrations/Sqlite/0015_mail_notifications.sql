-- Notifications: agency duty e-mail and the mail outbox (ADR 0018).
ALTER TABLE "agencies" ADD COLUMN "DutyEmail" TEXT NULL;
CREATE TABLE "notification_mails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notification_mails" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_notification_mails_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_notification_mails_AgencyId_CreatedAt" ON "notification_mails" ("AgencyId", "CreatedAt");
CREATE INDEX "IX_notification_mails_Status_NextAttemptAt" ON "notification_mails" ("Status", "NextAttemptAt");
