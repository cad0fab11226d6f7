-- 0003 clocks: statutory clock rows the clock engine claims and fires, and one breach record per breached clock.
-- Copied from `lianhu schema-script`; see docs/decisions/0009-clock-engine.md.

CREATE TABLE clocks (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "SubjectType" character varying(40) NOT NULL,
    "SubjectId" uuid NOT NULL,
    "RuleId" character varying(60) NOT NULL,
    "Emergency" boolean NOT NULL,
    "Amount" integer NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "StartTimeKnown" boolean NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "LastDay" date,
    "Reading" character varying(60) NOT NULL,
    "ExplanationZh" character varying(1000) NOT NULL,
    "ExplanationEn" character varying(1000) NOT NULL,
    "SourceZh" character varying(300) NOT NULL,
    "SourceEn" character varying(300) NOT NULL,
    "ReminderAt" timestamp with time zone NOT NULL,
    "State" character varying(40) NOT NULL,
    "NextFireAt" timestamp with time zone,
    "RemindedAt" timestamp with time zone,
    "BreachedAt" timestamp with time zone,
    "CompletedAt" timestamp with time zone,
    "CancelledAt" timestamp with time zone,
    "Outcome" character varying(1000),
    "ClosedByUserId" uuid,
    "OwnerAgencyId" uuid NOT NULL,
    "StartedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ClaimOwner" character varying(100),
    "ClaimExpiresAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_clocks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_clocks_agencies_OwnerAgencyId" FOREIGN KEY ("OwnerAgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_clocks_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);

CREATE TABLE clock_breaches (
    "Id" uuid NOT NULL,
    "ClockId" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "RuleId" character varying(60) NOT NULL,
    "SubjectType" character varying(40) NOT NULL,
    "SubjectId" uuid NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "BreachedAt" timestamp with time zone NOT NULL,
    "OwnerAgencyId" uuid NOT NULL,
    "EscalateToDivisionCode" character varying(12) NOT NULL,
    "EscalateToAgencyId" uuid,
    "EscalationRequested" boolean NOT NULL,
    CONSTRAINT "PK_clock_breaches" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_clock_breaches_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_clock_breaches_clocks_ClockId" FOREIGN KEY ("ClockId") REFERENCES clocks ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_clock_breaches_CaseId" ON clock_breaches ("CaseId");

CREATE UNIQUE INDEX "IX_clock_breaches_ClockId" ON clock_breaches ("ClockId");

CREATE INDEX "IX_clock_breaches_EscalateToDivisionCode_BreachedAt" ON clock_breaches ("EscalateToDivisionCode", "BreachedAt");

CREATE INDEX "IX_clock_breaches_EscalationRequested_BreachedAt" ON clock_breaches ("EscalationRequested", "BreachedAt");

CREATE INDEX "IX_clocks_CaseId_DueAt" ON clocks ("CaseId", "DueAt");

CREATE INDEX "IX_clocks_OwnerAgencyId" ON clocks ("OwnerAgencyId");

CREATE INDEX "IX_clocks_State_NextFireAt" ON clocks ("State", "NextFireAt");

CREATE INDEX "IX_clocks_SubjectType_SubjectId" ON clocks ("SubjectType", "SubjectId");
