-- Emergency (break-glass) access grants (ADR 0014).
CREATE TABLE break_glass_grants (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "Reason" text NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_break_glass_grants" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_break_glass_grants_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES cases ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_break_glass_grants_CaseId" ON break_glass_grants ("CaseId");
CREATE INDEX "IX_break_glass_grants_UserId_ExpiresAt" ON break_glass_grants ("UserId", "ExpiresAt");
