CREATE TABLE "instrument_versions" (
    "InstrumentId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "DefinitionJson" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "PublishedByUserId" TEXT NULL,
    "PublishedByAgencyId" TEXT NULL,
    CONSTRAINT "PK_instrument_versions" PRIMARY KEY ("InstrumentId", "Version"),
    CONSTRAINT "FK_instrument_versions_agencies_PublishedByAgencyId" FOREIGN KEY ("PublishedByAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "assessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_assessments" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "InstrumentId" TEXT NOT NULL,
    "InstrumentVersion" INTEGER NOT NULL,
    "YesItems" TEXT NOT NULL,
    "UnknownItems" TEXT NOT NULL,
    "Judgement" TEXT NULL,
    "JudgementReason" TEXT NULL,
    "IncidentDates" TEXT NOT NULL,
    "LastReferralDate" TEXT NULL,
    "CurrentIncidentDate" TEXT NULL,
    "AssessmentDate" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    "ComputedLevel" TEXT NULL,
    "FinalLevel" TEXT NULL,
    "CommonLevel" TEXT NULL,
    "HandlingTier" TEXT NULL,
    "Referral" INTEGER NOT NULL,
    "Criteria" TEXT NOT NULL,
    "UnknownCount" INTEGER NOT NULL,
    "ResultJson" TEXT NOT NULL,
    "PolicyVersion" INTEGER NOT NULL,
    "ReassessmentDue" TEXT NULL,
    "AssessorUserId" TEXT NOT NULL,
    "AssessorAgencyId" TEXT NOT NULL,
    "AssessedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_assessments_agencies_AssessorAgencyId" FOREIGN KEY ("AssessorAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_instrument_versions_InstrumentId_InstrumentVersion" FOREIGN KEY ("InstrumentId", "InstrumentVersion") REFERENCES "instrument_versions" ("InstrumentId", "Version") ON DELETE RESTRICT
);

CREATE INDEX "IX_assessments_AssessorAgencyId" ON "assessments" ("AssessorAgencyId");

CREATE INDEX "IX_assessments_CaseId_AssessedAt" ON "assessments" ("CaseId", "AssessedAt");

CREATE INDEX "IX_assessments_InstrumentId_InstrumentVersion" ON "assessments" ("InstrumentId", "InstrumentVersion");

CREATE INDEX "IX_instrument_versions_PublishedByAgencyId" ON "instrument_versions" ("PublishedByAgencyId");

-- Instrument versions are immutable (ADR 0008): assessments are re-read against the exact
-- definition they were scored with, so a change must be a new version row, never an edit.
CREATE TRIGGER instrument_versions_no_update BEFORE UPDATE ON "instrument_versions"
BEGIN
    SELECT RAISE(ABORT, 'instrument versions are immutable: publish a new version');
END;

CREATE TRIGGER instrument_versions_no_delete BEFORE DELETE ON "instrument_versions"
BEGIN
    SELECT RAISE(ABORT, 'instrument versions are immutable: publish a new version');
END;
