-- The consultation assistant's answers edited in the platform (ADR 0036): immutable versions per entry.
CREATE TABLE consultation_answers (
    "Id" uuid NOT NULL,
    "EntryId" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "ContentJson" text NOT NULL,
    "Retired" boolean NOT NULL,
    "EditedAt" timestamp with time zone NOT NULL,
    "EditedBy" uuid NOT NULL,
    CONSTRAINT "PK_consultation_answers" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_consultation_answers_EntryId_Version" ON consultation_answers ("EntryId", "Version");

-- Questions handed to a person with her agreement: encrypted question and answer, receipt and secret MAC.
CREATE TABLE consultation_requests (
    "Id" uuid NOT NULL,
    "FormId" uuid NOT NULL,
    "ReceiptCode" character varying(8) NOT NULL,
    "SecretMac" character varying(200) NOT NULL,
    "AgencyId" uuid NOT NULL,
    "DivisionCode" character varying(12),
    "Question" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Answer" text,
    "AnsweredAt" timestamp with time zone,
    "AnsweredBy" uuid,
    "FailedAttempts" integer NOT NULL,
    "LockedUntil" timestamp with time zone,
    CONSTRAINT "PK_consultation_requests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_consultation_requests_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_consultation_requests_ReceiptCode" ON consultation_requests ("ReceiptCode");
CREATE UNIQUE INDEX "IX_consultation_requests_FormId" ON consultation_requests ("FormId");
CREATE INDEX "IX_consultation_requests_AgencyId_AnsweredAt" ON consultation_requests ("AgencyId", "AnsweredAt");
