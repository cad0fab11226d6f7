-- Intake content, the person index, case timelines and idempotency keys (ADR 0011).
-- Copied from `lianhu schema-script --provider sqlite`.

CREATE TABLE "persons" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_persons" PRIMARY KEY,
    "Name" TEXT NULL,
    "IdNumber" TEXT NULL,
    "IdNumberIndex" TEXT NULL,
    "Phone" TEXT NULL,
    "PhoneIndex" TEXT NULL,
    "BirthDate" TEXT NULL,
    "BirthDateIndex" TEXT NULL,
    "Sex" TEXT NULL,
    "NameKeyIndex" TEXT NULL,
    "MergedIntoId" TEXT NULL,
    "RootId" TEXT NOT NULL,
    "MergeReason" TEXT NULL,
    "MergedAt" INTEGER NULL,
    "MergedByUserId" TEXT NULL,
    "RecordedByAgencyId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_persons_persons_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES "persons" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "idempotency_keys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_idempotency_keys" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "Response" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL
);

CREATE TABLE "person_match_rejections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_person_match_rejections" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "OtherPersonId" TEXT NOT NULL,
    "DecidedByUserId" TEXT NOT NULL,
    "DecidedByAgencyId" TEXT NOT NULL,
    "DecidedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_person_match_rejections_persons_OtherPersonId" FOREIGN KEY ("OtherPersonId") REFERENCES "persons" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_person_match_rejections_persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "persons" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "case_intakes" (
    "CaseId" TEXT NOT NULL CONSTRAINT "PK_case_intakes" PRIMARY KEY,
    "OccurredAt" INTEGER NULL,
    "Address" TEXT NULL,
    "AddressIndex" TEXT NULL,
    "Relationship" TEXT NULL,
    "ViolenceForms" TEXT NOT NULL,
    "Injured" INTEGER NULL,
    "InjuryDetails" TEXT NULL,
    "WeaponUsed" INTEGER NULL,
    "WeaponDetails" TEXT NULL,
    "ChildrenPresent" INTEGER NULL,
    "Needs" TEXT NOT NULL,
    "ConsentGiven" INTEGER NULL,
    "ReporterInstitution" TEXT NULL,
    "ReportedByAgencyId" TEXT NULL,
    "ReportedByUserId" TEXT NULL,
    CONSTRAINT "FK_case_intakes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "case_parties" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_parties" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "PersonId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_case_parties_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_case_parties_persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "persons" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "case_events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_case_events" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Section" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Note" TEXT NULL,
    "Detail" TEXT NULL,
    CONSTRAINT "FK_case_events_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_events_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_case_events_AgencyId" ON "case_events" ("AgencyId");
CREATE INDEX "IX_case_events_CaseId_At" ON "case_events" ("CaseId", "At");
CREATE INDEX "IX_case_intakes_AddressIndex" ON "case_intakes" ("AddressIndex");
CREATE INDEX "IX_case_intakes_ReportedByUserId" ON "case_intakes" ("ReportedByUserId");
CREATE INDEX "IX_case_parties_CaseId" ON "case_parties" ("CaseId");
CREATE INDEX "IX_case_parties_PersonId" ON "case_parties" ("PersonId");
CREATE INDEX "IX_idempotency_keys_ExpiresAt" ON "idempotency_keys" ("ExpiresAt");
CREATE UNIQUE INDEX "IX_idempotency_keys_UserId_Key" ON "idempotency_keys" ("UserId", "Key");
CREATE INDEX "IX_person_match_rejections_OtherPersonId" ON "person_match_rejections" ("OtherPersonId");
CREATE UNIQUE INDEX "IX_person_match_rejections_PersonId_OtherPersonId" ON "person_match_rejections" ("PersonId", "OtherPersonId");
CREATE INDEX "IX_persons_BirthDateIndex" ON "persons" ("BirthDateIndex");
CREATE INDEX "IX_persons_IdNumberIndex" ON "persons" ("IdNumberIndex");
CREATE INDEX "IX_persons_MergedIntoId" ON "persons" ("MergedIntoId");
CREATE INDEX "IX_persons_NameKeyIndex" ON "persons" ("NameKeyIndex");
CREATE INDEX "IX_persons_PhoneIndex" ON "persons" ("PhoneIndex");
CREATE INDEX "IX_persons_RootId" ON "persons" ("RootId");
