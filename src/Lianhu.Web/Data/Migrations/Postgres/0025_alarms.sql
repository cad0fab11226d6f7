-- The one-key alarm (issue 16 item 3, ADR 0034): enrolments (token and PIN as hashes only), alerts
-- (location and outcome note encrypted), and the agencies each alert went to.
CREATE TABLE alarm_enrolments (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "PinHash" character varying(200),
    "FailedPins" integer NOT NULL,
    "LockedUntil" timestamp with time zone,
    "EnrolledByAgencyId" uuid NOT NULL,
    "EnrolledByUserId" uuid NOT NULL,
    "EnrolledAt" timestamp with time zone NOT NULL,
    "PinSetAt" timestamp with time zone,
    "RevokedAt" timestamp with time zone,
    "RevokedByUserId" uuid,
    CONSTRAINT "PK_alarm_enrolments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_alarm_enrolments_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_alarm_enrolments_TokenHash" ON alarm_enrolments ("TokenHash");
CREATE INDEX "IX_alarm_enrolments_CaseId" ON alarm_enrolments ("CaseId");

CREATE TABLE alarm_alerts (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "EnrolmentId" uuid NOT NULL,
    "PressId" character varying(64) NOT NULL,
    "RaisedAt" timestamp with time zone NOT NULL,
    "Location" text,
    "State" character varying(40) NOT NULL,
    "AcknowledgeBy" timestamp with time zone NOT NULL,
    "EscalatedAt" timestamp with time zone,
    "EscalatedToAgencyId" uuid,
    "AcknowledgedAt" timestamp with time zone,
    "AcknowledgedByAgencyId" uuid,
    "AcknowledgedByUserId" uuid,
    "Outcome" character varying(40),
    "OutcomeNote" text,
    "ClosedAt" timestamp with time zone,
    "ClosedByAgencyId" uuid,
    "ClosedByUserId" uuid,
    CONSTRAINT "PK_alarm_alerts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_alarm_alerts_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_alarm_alerts_alarm_enrolments_EnrolmentId" FOREIGN KEY ("EnrolmentId") REFERENCES alarm_enrolments ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_alarm_alerts_EnrolmentId_PressId" ON alarm_alerts ("EnrolmentId", "PressId");
CREATE INDEX "IX_alarm_alerts_CaseId_RaisedAt" ON alarm_alerts ("CaseId", "RaisedAt");
CREATE INDEX "IX_alarm_alerts_State_AcknowledgeBy" ON alarm_alerts ("State", "AcknowledgeBy");

CREATE TABLE alarm_responders (
    "AlertId" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    CONSTRAINT "PK_alarm_responders" PRIMARY KEY ("AlertId", "AgencyId"),
    CONSTRAINT "FK_alarm_responders_alarm_alerts_AlertId" FOREIGN KEY ("AlertId") REFERENCES alarm_alerts ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_alarm_responders_AgencyId" ON alarm_responders ("AgencyId");
