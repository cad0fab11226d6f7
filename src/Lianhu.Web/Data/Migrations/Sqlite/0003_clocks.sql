-- 0003 clocks: statutory clock rows the clock engine claims and fires, and one breach record per breached clock.
-- Copied from `lianhu schema-script`; see docs/decisions/0009-clock-engine.md.

CREATE TABLE "clocks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_clocks" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "SubjectType" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "Emergency" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "StartTimeKnown" INTEGER NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "LastDay" TEXT NULL,
    "Reading" TEXT NOT NULL,
    "ExplanationZh" TEXT NOT NULL,
    "ExplanationEn" TEXT NOT NULL,
    "SourceZh" TEXT NOT NULL,
    "SourceEn" TEXT NOT NULL,
    "ReminderAt" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "NextFireAt" INTEGER NULL,
    "RemindedAt" INTEGER NULL,
    "BreachedAt" INTEGER NULL,
    "CompletedAt" INTEGER NULL,
    "CancelledAt" INTEGER NULL,
    "Outcome" TEXT NULL,
    "ClosedByUserId" TEXT NULL,
    "OwnerAgencyId" TEXT NOT NULL,
    "StartedByUserId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ClaimOwner" TEXT NULL,
    "ClaimExpiresAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_clocks_agencies_OwnerAgencyId" FOREIGN KEY ("OwnerAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_clocks_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "clock_breaches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_clock_breaches" PRIMARY KEY,
    "ClockId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "SubjectType" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "BreachedAt" INTEGER NOT NULL,
    "OwnerAgencyId" TEXT NOT NULL,
    "EscalateToDivisionCode" TEXT NOT NULL,
    "EscalateToAgencyId" TEXT NULL,
    "EscalationRequested" INTEGER NOT NULL,
    CONSTRAINT "FK_clock_breaches_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_clock_breaches_clocks_ClockId" FOREIGN KEY ("ClockId") REFERENCES "clocks" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_clock_breaches_CaseId" ON "clock_breaches" ("CaseId");

CREATE UNIQUE INDEX "IX_clock_breaches_ClockId" ON "clock_breaches" ("ClockId");

CREATE INDEX "IX_clock_breaches_EscalateToDivisionCode_BreachedAt" ON "clock_breaches" ("EscalateToDivisionCode", "BreachedAt");

CREATE INDEX "IX_clock_breaches_EscalationRequested_BreachedAt" ON "clock_breaches" ("EscalationRequested", "BreachedAt");

CREATE INDEX "IX_clocks_CaseId_DueAt" ON "clocks" ("CaseId", "DueAt");

CREATE INDEX "IX_clocks_OwnerAgencyId" ON "clocks" ("OwnerAgencyId");

CREATE INDEX "IX_clocks_State_NextFireAt" ON "clocks" ("State", "NextFireAt");

CREATE INDEX "IX_clocks_SubjectType_SubjectId" ON "clocks" ("SubjectType", "SubjectId");
