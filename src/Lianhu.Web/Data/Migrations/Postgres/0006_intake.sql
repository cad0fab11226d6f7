-- Intake content, the person index, case timelines and idempotency keys (ADR 0011).
-- Copied from `lianhu schema-script --provider postgres`.

CREATE TABLE persons (
    "Id" uuid NOT NULL,
    "Name" text,
    "IdNumber" text,
    "IdNumberIndex" character varying(64),
    "Phone" text,
    "PhoneIndex" character varying(64),
    "BirthDate" text,
    "BirthDateIndex" character varying(64),
    "Sex" character varying(40),
    "NameKeyIndex" character varying(64),
    "MergedIntoId" uuid,
    "RootId" uuid NOT NULL,
    "MergeReason" character varying(40),
    "MergedAt" timestamp with time zone,
    "MergedByUserId" uuid,
    "RecordedByAgencyId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_persons" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_persons_persons_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES persons ("Id") ON DELETE RESTRICT
);

CREATE TABLE idempotency_keys (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "RequestHash" character varying(64) NOT NULL,
    "StatusCode" integer NOT NULL,
    "Location" character varying(200),
    "Response" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("Id")
);

CREATE TABLE person_match_rejections (
    "Id" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "OtherPersonId" uuid NOT NULL,
    "DecidedByUserId" uuid NOT NULL,
    "DecidedByAgencyId" uuid NOT NULL,
    "DecidedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_person_match_rejections" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_person_match_rejections_persons_OtherPersonId" FOREIGN KEY ("OtherPersonId") REFERENCES persons ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_person_match_rejections_persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES persons ("Id") ON DELETE RESTRICT
);

CREATE TABLE case_intakes (
    "CaseId" uuid NOT NULL,
    "OccurredAt" timestamp with time zone,
    "Address" text,
    "AddressIndex" character varying(64),
    "Relationship" character varying(40),
    "ViolenceForms" character varying(200) NOT NULL,
    "Injured" boolean,
    "InjuryDetails" text,
    "WeaponUsed" boolean,
    "WeaponDetails" text,
    "ChildrenPresent" boolean,
    "Needs" character varying(200) NOT NULL,
    "ConsentGiven" boolean,
    "ReporterInstitution" character varying(40),
    "ReportedByAgencyId" uuid,
    "ReportedByUserId" uuid,
    CONSTRAINT "PK_case_intakes" PRIMARY KEY ("CaseId"),
    CONSTRAINT "FK_case_intakes_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE TABLE case_parties (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "PersonId" uuid NOT NULL,
    "Role" character varying(40) NOT NULL,
    "Position" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_case_parties" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_parties_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_case_parties_persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES persons ("Id") ON DELETE RESTRICT
);

CREATE TABLE case_events (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Section" character varying(40) NOT NULL,
    "AgencyId" uuid NOT NULL,
    "UserId" uuid,
    "Note" text,
    "Detail" character varying(500),
    CONSTRAINT "PK_case_events" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_case_events_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_events_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_case_events_AgencyId" ON case_events ("AgencyId");
CREATE INDEX "IX_case_events_CaseId_At" ON case_events ("CaseId", "At");
CREATE INDEX "IX_case_intakes_AddressIndex" ON case_intakes ("AddressIndex");
CREATE INDEX "IX_case_intakes_ReportedByUserId" ON case_intakes ("ReportedByUserId");
CREATE INDEX "IX_case_parties_CaseId" ON case_parties ("CaseId");
CREATE INDEX "IX_case_parties_PersonId" ON case_parties ("PersonId");
CREATE INDEX "IX_idempotency_keys_ExpiresAt" ON idempotency_keys ("ExpiresAt");
CREATE UNIQUE INDEX "IX_idempotency_keys_UserId_Key" ON idempotency_keys ("UserId", "Key");
CREATE INDEX "IX_person_match_rejections_OtherPersonId" ON person_match_rejections ("OtherPersonId");
CREATE UNIQUE INDEX "IX_person_match_rejections_PersonId_OtherPersonId" ON person_match_rejections ("PersonId", "OtherPersonId");
CREATE INDEX "IX_persons_BirthDateIndex" ON persons ("BirthDateIndex");
CREATE INDEX "IX_persons_IdNumberIndex" ON persons ("IdNumberIndex");
CREATE INDEX "IX_persons_MergedIntoId" ON persons ("MergedIntoId");
CREATE INDEX "IX_persons_NameKeyIndex" ON persons ("NameKeyIndex");
CREATE INDEX "IX_persons_PhoneIndex" ON persons ("PhoneIndex");
CREATE INDEX "IX_persons_RootId" ON persons ("RootId");
