-- Legal instruments (ADR 0013): protection orders with measures, service records and amendments;
-- warning letters with deliveries; community placements and shelter stays; legal follow-ups; case flags.
CREATE TABLE case_flags (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Code" character varying(40) NOT NULL,
    "SourceType" character varying(40) NOT NULL,
    "SourceId" uuid NOT NULL,
    "Count" integer NOT NULL,
    "RaisedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_case_flags" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_flags_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE TABLE legal_followups (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "SubjectType" character varying(40) NOT NULL,
    "SubjectId" uuid NOT NULL,
    "AssigneeAgencyId" uuid NOT NULL,
    "Details" text NOT NULL,
    "ClockId" uuid,
    "Status" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "ClosedAt" timestamp with time zone,
    "ClosedByUserId" uuid,
    "Outcome" text,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_legal_followups" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_legal_followups_agencies_AssigneeAgencyId" FOREIGN KEY ("AssigneeAgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_legal_followups_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE TABLE protection_orders (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "CourtAgencyId" uuid NOT NULL,
    "FiledByAgencyId" uuid NOT NULL,
    "FiledByUserId" uuid NOT NULL,
    "ApplicantType" character varying(40) NOT NULL,
    "ApplicantName" text NOT NULL,
    "ApplicantRelation" text,
    "VictimName" text NOT NULL,
    "RespondentName" text NOT NULL,
    "RespondentIdNumber" text,
    "RespondentAddress" text,
    "RespondentRelation" text,
    "Ground" character varying(40) NOT NULL,
    "Facts" text NOT NULL,
    "Emergency" boolean NOT NULL,
    "Status" character varying(40) NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "AcceptedAt" timestamp with time zone,
    "AcceptedByUserId" uuid,
    "RuledAt" timestamp with time zone,
    "RuledByUserId" uuid,
    "ValidFrom" date,
    "ValidUntil" date,
    "RejectionReason" text,
    "RevokedAt" timestamp with time zone,
    "PoliceAgencyId" uuid,
    "ViolationCount" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_protection_orders" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_protection_orders_agencies_CourtAgencyId" FOREIGN KEY ("CourtAgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_protection_orders_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE TABLE shelter_stays (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Location" text NOT NULL,
    "AgencyId" uuid NOT NULL,
    "StartedByUserId" uuid NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "PreviousId" uuid,
    "EndedAt" timestamp with time zone,
    "Outcome" character varying(40),
    "OutcomeNote" text,
    "CivilAffairsFiledAt" timestamp with time zone,
    "CivilAffairsFiling" text,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_shelter_stays" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_shelter_stays_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_shelter_stays_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE TABLE warning_letters (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "IssuedByAgencyId" uuid NOT NULL,
    "IssuedByUserId" uuid NOT NULL,
    "IssuedAt" timestamp with time zone NOT NULL,
    "RespondentName" text NOT NULL,
    "RespondentIdNumber" text NOT NULL,
    "RespondentAddress" text,
    "RespondentKey" character varying(64) NOT NULL,
    "VictimName" text NOT NULL,
    "VictimKey" character varying(64) NOT NULL,
    "Facts" text NOT NULL,
    "Prohibition" text NOT NULL,
    "PriorLetters" integer NOT NULL,
    CONSTRAINT "PK_warning_letters" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_warning_letters_agencies_IssuedByAgencyId" FOREIGN KEY ("IssuedByAgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_warning_letters_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE TABLE protection_order_amendments (
    "Id" uuid NOT NULL,
    "OrderId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "PreviousValidUntil" date,
    "NewValidUntil" date,
    "Reason" text NOT NULL,
    "ByUserId" uuid NOT NULL,
    CONSTRAINT "PK_protection_order_amendments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_protection_order_amendments_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES protection_orders ("Id") ON DELETE CASCADE
);
CREATE TABLE protection_order_measures (
    "Id" uuid NOT NULL,
    "OrderId" uuid NOT NULL,
    "Code" integer NOT NULL,
    "Text" text,
    "Ordered" boolean NOT NULL,
    CONSTRAINT "PK_protection_order_measures" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_protection_order_measures_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES protection_orders ("Id") ON DELETE CASCADE
);
CREATE TABLE protection_order_services (
    "Id" uuid NOT NULL,
    "OrderId" uuid NOT NULL,
    "Recipient" character varying(40) NOT NULL,
    "Method" character varying(40) NOT NULL,
    "ServedAt" timestamp with time zone NOT NULL,
    "RecipientAgencyId" uuid,
    "RecordedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_protection_order_services" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_protection_order_services_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES protection_orders ("Id") ON DELETE CASCADE
);
CREATE TABLE warning_letter_deliveries (
    "Id" uuid NOT NULL,
    "LetterId" uuid NOT NULL,
    "Recipient" character varying(40) NOT NULL,
    "Method" character varying(40) NOT NULL,
    "DeliveredAt" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_warning_letter_deliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_warning_letter_deliveries_warning_letters_LetterId" FOREIGN KEY ("LetterId") REFERENCES warning_letters ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_case_flags_CaseId_Code" ON case_flags ("CaseId", "Code");
CREATE INDEX "IX_legal_followups_AssigneeAgencyId_Status" ON legal_followups ("AssigneeAgencyId", "Status");
CREATE INDEX "IX_legal_followups_CaseId" ON legal_followups ("CaseId");
CREATE INDEX "IX_legal_followups_SubjectType_SubjectId" ON legal_followups ("SubjectType", "SubjectId");
CREATE INDEX "IX_protection_order_amendments_OrderId" ON protection_order_amendments ("OrderId");
CREATE INDEX "IX_protection_order_measures_OrderId" ON protection_order_measures ("OrderId");
CREATE INDEX "IX_protection_order_services_OrderId" ON protection_order_services ("OrderId");
CREATE INDEX "IX_protection_orders_CaseId_CreatedAt" ON protection_orders ("CaseId", "CreatedAt");
CREATE INDEX "IX_protection_orders_CourtAgencyId_Status" ON protection_orders ("CourtAgencyId", "Status");
CREATE INDEX "IX_protection_orders_PoliceAgencyId_Status" ON protection_orders ("PoliceAgencyId", "Status");
CREATE INDEX "IX_shelter_stays_AgencyId" ON shelter_stays ("AgencyId");
CREATE INDEX "IX_shelter_stays_CaseId_StartedAt" ON shelter_stays ("CaseId", "StartedAt");
CREATE INDEX "IX_warning_letter_deliveries_LetterId" ON warning_letter_deliveries ("LetterId");
CREATE INDEX "IX_warning_letters_CaseId_IssuedAt" ON warning_letters ("CaseId", "IssuedAt");
CREATE INDEX "IX_warning_letters_IssuedByAgencyId" ON warning_letters ("IssuedByAgencyId");
CREATE INDEX "IX_warning_letters_RespondentKey" ON warning_letters ("RespondentKey");
