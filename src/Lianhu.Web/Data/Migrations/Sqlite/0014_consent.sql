-- Consent and legal basis for sharing with non-statutory bodies; disability at intake (encrypted);
-- clock breaches turned into escalation tasks (issue 6 item 8, ADR 0017).
CREATE TABLE "case_consents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_consents" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Basis" TEXT NOT NULL,
    "GivenBy" TEXT NULL,
    "Method" TEXT NULL,
    "LegalBasis" TEXT NULL,
    "Citation" TEXT NULL,
    "AgencyId" TEXT NULL,
    "AgencyType" TEXT NOT NULL,
    "Sections" TEXT NOT NULL,
    "ExpiresAt" INTEGER NULL,
    "Note" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedByAgencyId" TEXT NOT NULL,
    "WithdrawnAt" INTEGER NULL,
    "WithdrawnByUserId" TEXT NULL,
    "WithdrawalReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_case_consents_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_case_consents_AgencyId_CaseId" ON "case_consents" ("AgencyId", "CaseId");
CREATE INDEX "IX_case_consents_AgencyType_CaseId" ON "case_consents" ("AgencyType", "CaseId");
CREATE INDEX "IX_case_consents_CaseId_RecordedAt" ON "case_consents" ("CaseId", "RecordedAt");

ALTER TABLE "case_parties" ADD COLUMN "Disability" TEXT NULL;
ALTER TABLE "clock_breaches" ADD COLUMN "EscalatedAt" INTEGER NULL;
ALTER TABLE "clock_breaches" ADD COLUMN "EscalationTaskId" TEXT NULL;
