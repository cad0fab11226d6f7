-- Notifications: agency duty e-mail and the mail outbox (ADR 0018).
ALTER TABLE agencies ADD COLUMN "DutyEmail" character varying(254);
CREATE TABLE notification_mails (
    "Id" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "CaseId" uuid NOT NULL,
    "SubjectId" uuid NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Attempts" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "SentAt" timestamp with time zone,
    "LastError" character varying(100),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_notification_mails" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_notification_mails_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_notification_mails_AgencyId_CreatedAt" ON notification_mails ("AgencyId", "CreatedAt");
CREATE INDEX "IX_notification_mails_Status_NextAttemptAt" ON notification_mails ("Status", "NextAttemptAt");
