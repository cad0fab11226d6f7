-- Linkage: case conferences (ADR 0015).
CREATE TABLE case_conferences (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Trigger" character varying(20) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "ConvenerAgencyId" uuid NOT NULL,
    "ScheduledAt" timestamp with time zone NOT NULL,
    "Agenda" character varying(4000) NOT NULL,
    "InvitedAgencyIds" uuid[] NOT NULL,
    "AttendedAgencyIds" uuid[] NOT NULL,
    "Minutes" text,
    "HeldAt" timestamp with time zone,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_case_conferences" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_conferences_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_case_conferences_CaseId_Status" ON case_conferences ("CaseId", "Status");
CREATE INDEX "IX_case_conferences_ConvenerAgencyId_ScheduledAt" ON case_conferences ("ConvenerAgencyId", "ScheduledAt");
