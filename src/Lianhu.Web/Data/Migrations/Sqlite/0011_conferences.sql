-- Linkage: case conferences (ADR 0015).
CREATE TABLE "case_conferences" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_conferences" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ConvenerAgencyId" TEXT NOT NULL,
    "ScheduledAt" INTEGER NOT NULL,
    "Agenda" TEXT NOT NULL,
    "InvitedAgencyIds" TEXT NOT NULL,
    "AttendedAgencyIds" TEXT NOT NULL,
    "Minutes" TEXT NULL,
    "HeldAt" INTEGER NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_case_conferences_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_case_conferences_CaseId_Status" ON "case_conferences" ("CaseId", "Status");
CREATE INDEX "IX_case_conferences_ConvenerAgencyId_ScheduledAt" ON "case_conferences" ("ConvenerAgencyId", "ScheduledAt");
