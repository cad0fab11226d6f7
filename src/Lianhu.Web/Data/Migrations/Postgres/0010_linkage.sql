-- Linkage: tasks routed to agencies, lead transfers and escalations (ADR 0015).
CREATE TABLE case_tasks (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "AgencyId" uuid NOT NULL,
    "AgencyType" character varying(40) NOT NULL,
    "Tier" character varying(20) NOT NULL,
    "Role" character varying(20),
    "RoutingCentreId" uuid NOT NULL,
    "Rule" integer,
    "PolicyVersion" integer,
    "Step" character varying(40) NOT NULL,
    "ReasonZh" character varying(1000) NOT NULL,
    "ReasonEn" character varying(1000) NOT NULL,
    "ParentTaskId" uuid,
    "Status" character varying(20) NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "ClockId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "AcceptedAt" timestamp with time zone,
    "StartedAt" timestamp with time zone,
    "ClosedAt" timestamp with time zone,
    "ClosedByUserId" uuid,
    "ClosingText" text,
    "RequestText" text,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_case_tasks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_tasks_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_tasks_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_case_tasks_AgencyId_Status_DueAt" ON case_tasks ("AgencyId", "Status", "DueAt");
CREATE INDEX "IX_case_tasks_CaseId_CreatedAt" ON case_tasks ("CaseId", "CreatedAt");
CREATE INDEX "IX_case_tasks_RoutingCentreId_Status" ON case_tasks ("RoutingCentreId", "Status");
