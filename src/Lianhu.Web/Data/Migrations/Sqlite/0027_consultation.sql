-- The consultation assistant's answers edited in the platform (ADR 0036): immutable versions per entry.
CREATE TABLE "consultation_answers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_consultation_answers" PRIMARY KEY,
    "EntryId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "ContentJson" TEXT NOT NULL,
    "Retired" INTEGER NOT NULL,
    "EditedAt" INTEGER NOT NULL,
    "EditedBy" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_consultation_answers_EntryId_Version" ON "consultation_answers" ("EntryId", "Version");

-- Questions handed to a person with her agreement: encrypted question and answer, receipt and secret MAC.
CREATE TABLE "consultation_requests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_consultation_requests" PRIMARY KEY,
    "FormId" TEXT NOT NULL,
    "ReceiptCode" TEXT NOT NULL,
    "SecretMac" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "DivisionCode" TEXT NULL,
    "Question" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" INTEGER NULL,
    "AnsweredBy" TEXT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "LockedUntil" INTEGER NULL,
    CONSTRAINT "FK_consultation_requests_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_consultation_requests_ReceiptCode" ON "consultation_requests" ("ReceiptCode");
CREATE UNIQUE INDEX "IX_consultation_requests_FormId" ON "consultation_requests" ("FormId");
CREATE INDEX "IX_consultation_requests_AgencyId_AnsweredAt" ON "consultation_requests" ("AgencyId", "AnsweredAt");
