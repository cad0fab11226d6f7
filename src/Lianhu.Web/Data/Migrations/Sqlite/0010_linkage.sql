-- Linkage: tasks routed to agencies, lead transfers and escalations (ADR 0015).
CREATE TABLE "case_tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_tasks" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "AgencyType" TEXT NOT NULL,
    "Tier" TEXT NOT NULL,
    "Role" TEXT NULL,
    "RoutingCentreId" TEXT NOT NULL,
    "Rule" INTEGER NULL,
    "PolicyVersion" INTEGER NULL,
    "Step" TEXT NOT NULL,
    "ReasonZh" TEXT NOT NULL,
    "ReasonEn" TEXT NOT NULL,
    "ParentTaskId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "ClockId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "AcceptedAt" INTEGER NULL,
    "StartedAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "ClosedByUserId" TEXT NULL,
    "ClosingText" TEXT NULL,
    "RequestText" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_case_tasks_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_tasks_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_case_tasks_AgencyId_Status_DueAt" ON "case_tasks" ("AgencyId", "Status", "DueAt");
CREATE INDEX "IX_case_tasks_CaseId_CreatedAt" ON "case_tasks" ("CaseId", "CreatedAt");
CREATE INDEX "IX_case_tasks_RoutingCentreId_Status" ON "case_tasks" ("RoutingCentreId", "Status");
