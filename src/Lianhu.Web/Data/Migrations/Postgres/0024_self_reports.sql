-- The public door (ADR 0033): a person's own report beside its case — receipt code, keyed MAC of the
-- secret, safe-contact instructions (encrypted) and the lock that wrong secrets set.
CREATE TABLE self_reports (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "ReceiptCode" character varying(8) NOT NULL,
    "SecretMac" character varying(200) NOT NULL,
    "ContactPhone" text,
    "MessageOnly" boolean NOT NULL,
    "SafeTimes" text,
    "Details" text,
    "CreatedAt" timestamp with time zone NOT NULL,
    "FailedAttempts" integer NOT NULL,
    "LockedUntil" timestamp with time zone,
    CONSTRAINT "PK_self_reports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_self_reports_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_self_reports_ReceiptCode" ON self_reports ("ReceiptCode");
CREATE UNIQUE INDEX "IX_self_reports_CaseId" ON self_reports ("CaseId");
