-- Legal instruments (ADR 0013): protection orders with measures, service records and amendments;
-- warning letters with deliveries; community placements and shelter stays; legal follow-ups; case flags.
CREATE TABLE "case_flags" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_flags" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "SourceType" TEXT NOT NULL,
    "SourceId" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "RaisedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_case_flags_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "legal_followups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_legal_followups" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectType" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "AssigneeAgencyId" TEXT NOT NULL,
    "Details" TEXT NOT NULL,
    "ClockId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosedByUserId" TEXT NULL,
    "Outcome" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_legal_followups_agencies_AssigneeAgencyId" FOREIGN KEY ("AssigneeAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_legal_followups_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "protection_orders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_protection_orders" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "CourtAgencyId" TEXT NOT NULL,
    "FiledByAgencyId" TEXT NOT NULL,
    "FiledByUserId" TEXT NOT NULL,
    "ApplicantType" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "ApplicantRelation" TEXT NULL,
    "VictimName" TEXT NOT NULL,
    "RespondentName" TEXT NOT NULL,
    "RespondentIdNumber" TEXT NULL,
    "RespondentAddress" TEXT NULL,
    "RespondentRelation" TEXT NULL,
    "Ground" TEXT NOT NULL,
    "Facts" TEXT NOT NULL,
    "Emergency" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "AcceptedAt" INTEGER NULL,
    "AcceptedByUserId" TEXT NULL,
    "RuledAt" INTEGER NULL,
    "RuledByUserId" TEXT NULL,
    "ValidFrom" TEXT NULL,
    "ValidUntil" TEXT NULL,
    "RejectionReason" TEXT NULL,
    "RevokedAt" INTEGER NULL,
    "PoliceAgencyId" TEXT NULL,
    "ViolationCount" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_protection_orders_agencies_CourtAgencyId" FOREIGN KEY ("CourtAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_protection_orders_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "shelter_stays" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shelter_stays" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Location" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "StartedByUserId" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "PreviousId" TEXT NULL,
    "EndedAt" INTEGER NULL,
    "Outcome" TEXT NULL,
    "OutcomeNote" TEXT NULL,
    "CivilAffairsFiledAt" INTEGER NULL,
    "CivilAffairsFiling" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_shelter_stays_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_shelter_stays_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "warning_letters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_warning_letters" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "IssuedByAgencyId" TEXT NOT NULL,
    "IssuedByUserId" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "RespondentName" TEXT NOT NULL,
    "RespondentIdNumber" TEXT NOT NULL,
    "RespondentAddress" TEXT NULL,
    "RespondentKey" TEXT NOT NULL,
    "VictimName" TEXT NOT NULL,
    "VictimKey" TEXT NOT NULL,
    "Facts" TEXT NOT NULL,
    "Prohibition" TEXT NOT NULL,
    "PriorLetters" INTEGER NOT NULL,
    CONSTRAINT "FK_warning_letters_agencies_IssuedByAgencyId" FOREIGN KEY ("IssuedByAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_warning_letters_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE RESTRICT
);
CREATE TABLE "protection_order_amendments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_protection_order_amendments" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "PreviousValidUntil" TEXT NULL,
    "NewValidUntil" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_protection_order_amendments_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "protection_orders" ("Id") ON DELETE CASCADE
);
CREATE TABLE "protection_order_measures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_protection_order_measures" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "Code" INTEGER NOT NULL,
    "Text" TEXT NULL,
    "Ordered" INTEGER NOT NULL,
    CONSTRAINT "FK_protection_order_measures_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "protection_orders" ("Id") ON DELETE CASCADE
);
CREATE TABLE "protection_order_services" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_protection_order_services" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "ServedAt" INTEGER NOT NULL,
    "RecipientAgencyId" TEXT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_protection_order_services_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "protection_orders" ("Id") ON DELETE CASCADE
);
CREATE TABLE "warning_letter_deliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_warning_letter_deliveries" PRIMARY KEY,
    "LetterId" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "DeliveredAt" INTEGER NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_warning_letter_deliveries_warning_letters_LetterId" FOREIGN KEY ("LetterId") REFERENCES "warning_letters" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_case_flags_CaseId_Code" ON "case_flags" ("CaseId", "Code");
CREATE INDEX "IX_legal_followups_AssigneeAgencyId_Status" ON "legal_followups" ("AssigneeAgencyId", "Status");
CREATE INDEX "IX_legal_followups_CaseId" ON "legal_followups" ("CaseId");
CREATE INDEX "IX_legal_followups_SubjectType_SubjectId" ON "legal_followups" ("SubjectType", "SubjectId");
CREATE INDEX "IX_protection_order_amendments_OrderId" ON "protection_order_amendments" ("OrderId");
CREATE INDEX "IX_protection_order_measures_OrderId" ON "protection_order_measures" ("OrderId");
CREATE INDEX "IX_protection_order_services_OrderId" ON "protection_order_services" ("OrderId");
CREATE INDEX "IX_protection_orders_CaseId_CreatedAt" ON "protection_orders" ("CaseId", "CreatedAt");
CREATE INDEX "IX_protection_orders_CourtAgencyId_Status" ON "protection_orders" ("CourtAgencyId", "Status");
CREATE INDEX "IX_protection_orders_PoliceAgencyId_Status" ON "protection_orders" ("PoliceAgencyId", "Status");
CREATE INDEX "IX_shelter_stays_AgencyId" ON "shelter_stays" ("AgencyId");
CREATE INDEX "IX_shelter_stays_CaseId_StartedAt" ON "shelter_stays" ("CaseId", "StartedAt");
CREATE INDEX "IX_warning_letter_deliveries_LetterId" ON "warning_letter_deliveries" ("LetterId");
CREATE INDEX "IX_warning_letters_CaseId_IssuedAt" ON "warning_letters" ("CaseId", "IssuedAt");
CREATE INDEX "IX_warning_letters_IssuedByAgencyId" ON "warning_letters" ("IssuedByAgencyId");
CREATE INDEX "IX_warning_letters_RespondentKey" ON "warning_letters" ("RespondentKey");
