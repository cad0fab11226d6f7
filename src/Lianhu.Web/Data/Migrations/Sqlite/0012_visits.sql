-- Return visits (issue 8).
CREATE TABLE "visits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_visits" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "VisitedAt" INTEGER NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "ByAgencyId" TEXT NOT NULL,
    "Note" TEXT NULL,
    "PlannedClockId" TEXT NULL,
    CONSTRAINT "FK_visits_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_visits_CaseId_VisitedAt" ON "visits" ("CaseId", "VisitedAt");
