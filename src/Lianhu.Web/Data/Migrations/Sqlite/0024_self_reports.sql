-- The public door (ADR 0033): a person's own report beside its case — receipt code, keyed MAC of the
-- secret, safe-contact instructions (encrypted) and the lock that wrong secrets set.
CREATE TABLE "self_reports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_self_reports" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "ReceiptCode" TEXT NOT NULL,
    "SecretMac" TEXT NOT NULL,
    "ContactPhone" TEXT NULL,
    "MessageOnly" INTEGER NOT NULL,
    "SafeTimes" TEXT NULL,
    "Details" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "LockedUntil" INTEGER NULL,
    CONSTRAINT "FK_self_reports_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "cases" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_self_reports_ReceiptCode" ON "self_reports" ("ReceiptCode");
CREATE UNIQUE INDEX "IX_self_reports_CaseId" ON "self_reports" ("CaseId");
