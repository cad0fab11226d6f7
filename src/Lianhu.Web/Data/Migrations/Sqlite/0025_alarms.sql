-- The one-key alarm (issue 16 item 3, ADR 0034): enrolments (token and PIN as hashes only), alerts
-- (location and outcome note encrypted), and the agencies each alert went to.
CREATE TABLE "alarm_enrolments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_alarm_enrolments" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "PinHash" TEXT NULL,
    "FailedPins" INTEGER NOT NULL,
    "LockedUntil" INTEGER NULL,
    "EnrolledByAgencyId" TEXT NOT NULL,
    "EnrolledByUserId" TEXT NOT NULL,
    "EnrolledAt" INTEGER NOT NULL,
    "PinSetAt" INTEGER NULL,
    "RevokedAt" INTEGER NULL,
    "RevokedByUserId" TEXT NULL,
    CONSTRAINT "FK_alarm_enrolments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_alarm_enrolments_TokenHash" ON "alarm_enrolments" ("TokenHash");
CREATE INDEX "IX_alarm_enrolments_CaseId" ON "alarm_enrolments" ("CaseId");

CREATE TABLE "alarm_alerts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_alarm_alerts" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "EnrolmentId" TEXT NOT NULL,
    "PressId" TEXT NOT NULL,
    "RaisedAt" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "State" TEXT NOT NULL,
    "AcknowledgeBy" INTEGER NOT NULL,
    "EscalatedAt" INTEGER NULL,
    "EscalatedToAgencyId" TEXT NULL,
    "AcknowledgedAt" INTEGER NULL,
    "AcknowledgedByAgencyId" TEXT NULL,
    "AcknowledgedByUserId" TEXT NULL,
    "Outcome" TEXT NULL,
    "OutcomeNote" TEXT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosedByAgencyId" TEXT NULL,
    "ClosedByUserId" TEXT NULL,
    CONSTRAINT "FK_alarm_alerts_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_alarm_alerts_alarm_enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES "alarm_enrolments" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_alarm_alerts_EnrolmentId_PressId" ON "alarm_alerts" ("EnrolmentId", "PressId");
CREATE INDEX "IX_alarm_alerts_CaseId_RaisedAt" ON "alarm_alerts" ("CaseId", "RaisedAt");
CREATE INDEX "IX_alarm_alerts_State_AcknowledgeBy" ON "alarm_alerts" ("State", "AcknowledgeBy");

CREATE TABLE "alarm_responders" (
    "AlertId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    CONSTRAINT "PK_alarm_responders" PRIMARY KEY ("AlertId", "AgencyId"),
    CONSTRAINT "FK_alarm_responders_alarm_alerts_AlertId" FOREIGN KEY ("AlertId") REFERENCES "alarm_alerts" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_alarm_responders_AgencyId" ON "alarm_responders" ("AgencyId");
