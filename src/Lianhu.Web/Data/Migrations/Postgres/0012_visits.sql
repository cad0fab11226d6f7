-- Return visits (issue 8).
CREATE TABLE visits (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Method" character varying(40) NOT NULL,
    "Outcome" character varying(40) NOT NULL,
    "VisitedAt" timestamp with time zone NOT NULL,
    "ByUserId" uuid NOT NULL,
    "ByAgencyId" uuid NOT NULL,
    "Note" text,
    "PlannedClockId" uuid,
    CONSTRAINT "PK_visits" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_visits_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_visits_CaseId_VisitedAt" ON visits ("CaseId", "VisitedAt");
