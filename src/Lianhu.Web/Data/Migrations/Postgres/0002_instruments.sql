CREATE TABLE instrument_versions (
    "InstrumentId" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "DefinitionJson" text NOT NULL,
    "Source" character varying(40) NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "PublishedByUserId" uuid,
    "PublishedByAgencyId" uuid,
    CONSTRAINT "PK_instrument_versions" PRIMARY KEY ("InstrumentId", "Version"),
    CONSTRAINT "FK_instrument_versions_agencies_PublishedByAgencyId" FOREIGN KEY ("PublishedByAgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT
);

CREATE TABLE assessments (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "InstrumentId" character varying(60) NOT NULL,
    "InstrumentVersion" integer NOT NULL,
    "YesItems" integer[] NOT NULL,
    "UnknownItems" integer[] NOT NULL,
    "Judgement" character varying(40),
    "JudgementReason" character varying(2000),
    "IncidentDates" date[] NOT NULL,
    "LastReferralDate" date,
    "CurrentIncidentDate" date,
    "AssessmentDate" date NOT NULL,
    "Score" numeric(12,4) NOT NULL,
    "ComputedLevel" character varying(40),
    "FinalLevel" character varying(40),
    "CommonLevel" character varying(40),
    "HandlingTier" character varying(40),
    "Referral" boolean NOT NULL,
    "Criteria" text[] NOT NULL,
    "UnknownCount" integer NOT NULL,
    "ResultJson" text NOT NULL,
    "PolicyVersion" integer NOT NULL,
    "ReassessmentDue" date,
    "AssessorUserId" uuid NOT NULL,
    "AssessorAgencyId" uuid NOT NULL,
    "AssessedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_assessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_assessments_agencies_AssessorAgencyId" FOREIGN KEY ("AssessorAgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_instrument_versions_InstrumentId_InstrumentVers~" FOREIGN KEY ("InstrumentId", "InstrumentVersion") REFERENCES instrument_versions ("InstrumentId", "Version") ON DELETE RESTRICT
);

CREATE INDEX "IX_assessments_AssessorAgencyId" ON assessments ("AssessorAgencyId");

CREATE INDEX "IX_assessments_CaseId_AssessedAt" ON assessments ("CaseId", "AssessedAt");

CREATE INDEX "IX_assessments_InstrumentId_InstrumentVersion" ON assessments ("InstrumentId", "InstrumentVersion");

CREATE INDEX "IX_instrument_versions_PublishedByAgencyId" ON instrument_versions ("PublishedByAgencyId");

-- Instrument versions are immutable (ADR 0008): assessments are re-read against the exact
-- definition they were scored with, so a change must be a new version row, never an edit.
CREATE FUNCTION instrument_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'instrument versions are immutable: publish a new version' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER instrument_versions_no_change BEFORE UPDATE OR DELETE ON instrument_versions
    FOR EACH ROW EXECUTE FUNCTION instrument_versions_immutable();
