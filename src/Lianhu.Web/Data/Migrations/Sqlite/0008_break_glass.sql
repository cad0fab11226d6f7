-- Emergency (break-glass) access grants (ADR 0014).
CREATE TABLE "break_glass_grants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_break_glass_grants" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    CONSTRAINT "FK_break_glass_grants_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_break_glass_grants_CaseId" ON "break_glass_grants" ("CaseId");
CREATE INDEX "IX_break_glass_grants_UserId_ExpiresAt" ON "break_glass_grants" ("UserId", "ExpiresAt");
