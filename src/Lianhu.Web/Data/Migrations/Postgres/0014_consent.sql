-- Consent and legal basis for sharing with non-statutory bodies; disability at intake (encrypted);
-- clock breaches turned into escalation tasks (issue 6 item 8, ADR 0017).
CREATE TABLE case_consents (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Basis" character varying(20) NOT NULL,
    "GivenBy" character varying(20),
    "Method" character varying(20),
    "LegalBasis" character varying(60),
    "Citation" character varying(500),
    "AgencyId" uuid,
    "AgencyType" character varying(40) NOT NULL,
    "Sections" character varying(200) NOT NULL,
    "ExpiresAt" timestamp with time zone,
    "Note" text,
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid NOT NULL,
    "RecordedByAgencyId" uuid NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawnByUserId" uuid,
    "WithdrawalReason" text,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_case_consents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_consents_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_case_consents_AgencyId_CaseId" ON case_consents ("AgencyId", "CaseId");
CREATE INDEX "IX_case_consents_AgencyType_CaseId" ON case_consents ("AgencyType", "CaseId");
CREATE INDEX "IX_case_consents_CaseId_RecordedAt" ON case_consents ("CaseId", "RecordedAt");

ALTER TABLE case_parties ADD COLUMN "Disability" text;
ALTER TABLE clock_breaches ADD COLUMN "EscalatedAt" timestamp with time zone;
ALTER TABLE clock_breaches ADD COLUMN "EscalationTaskId" uuid;
