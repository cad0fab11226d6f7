-- Closure with approval and reopening (issue 8).
ALTER TABLE "cases" ADD COLUMN "ClosureSummary" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "ClosureRequestedBy" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "ClosureRequestedAt" INTEGER NULL;
ALTER TABLE "cases" ADD COLUMN "ClosureApprovalsRequired" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "cases" ADD COLUMN "ReopenCount" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "case_closure_approvals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_case_closure_approvals" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "CaseId" TEXT NOT NULL,
    CONSTRAINT "FK_case_closure_approvals_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_case_closure_approvals_CaseId" ON "case_closure_approvals" ("CaseId");
