-- Issue 15 (ADR 0035): who may apply for whom (ADVL Art 23, SPC 2022 Art 2), the day the court received an
-- application, and the court's answer to each breach of an order (ADVL Art 34).
ALTER TABLE "protection_orders" ADD "InabilityReason" TEXT NULL;
ALTER TABLE "protection_orders" ADD "VictimWishes" TEXT NULL;
ALTER TABLE "protection_orders" ADD "ReceivedOn" TEXT NULL;
CREATE TABLE "protection_order_breaches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_protection_order_breaches" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "ReportedAt" INTEGER NOT NULL,
    "ReportedByUserId" TEXT NOT NULL,
    "ReportedByAgencyId" TEXT NOT NULL,
    "Response" TEXT NULL,
    "FineYuan" INTEGER NULL,
    "DetentionDays" INTEGER NULL,
    "CriminalBasis" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    "DecidedByUserId" TEXT NULL,
    CONSTRAINT "FK_protection_order_breaches_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "protection_orders" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_protection_order_breaches_DecidedAt" ON "protection_order_breaches" ("DecidedAt");
CREATE INDEX "IX_protection_order_breaches_OrderId" ON "protection_order_breaches" ("OrderId");
-- An institution's report: mandatory (ADVL Art 14 and the duties in intake-channels.json) or a referral; the victim's
-- civil capacity (Civil Code Arts 17–22, encrypted) and whether the reporter's identity is sealed.
ALTER TABLE "case_intakes" ADD "ReportKind" TEXT NULL;
ALTER TABLE "case_intakes" ADD "ReporterSealed" INTEGER NULL;
ALTER TABLE "case_intakes" ADD "ReportDuties" TEXT NULL;
ALTER TABLE "case_intakes" ADD "VictimCapacity" TEXT NULL;
ALTER TABLE "case_intakes" ADD "CapacityBasis" TEXT NULL;
