-- Issue 15 (ADR 0035): who may apply for whom (ADVL Art 23, SPC 2022 Art 2), the day the court received an
-- application, and the court's answer to each breach of an order (ADVL Art 34).
ALTER TABLE protection_orders ADD "InabilityReason" character varying(40);
ALTER TABLE protection_orders ADD "VictimWishes" character varying(40);
ALTER TABLE protection_orders ADD "ReceivedOn" date;
CREATE TABLE protection_order_breaches (
    "Id" uuid NOT NULL,
    "OrderId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    "ReportedAt" timestamp with time zone NOT NULL,
    "ReportedByUserId" uuid NOT NULL,
    "ReportedByAgencyId" uuid NOT NULL,
    "Response" character varying(40),
    "FineYuan" integer,
    "DetentionDays" integer,
    "CriminalBasis" text,
    "DecidedAt" timestamp with time zone,
    "DecidedByUserId" uuid,
    CONSTRAINT "PK_protection_order_breaches" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_protection_order_breaches_protection_orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES protection_orders ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_protection_order_breaches_DecidedAt" ON protection_order_breaches ("DecidedAt");
CREATE INDEX "IX_protection_order_breaches_OrderId" ON protection_order_breaches ("OrderId");
-- An institution's report: mandatory (ADVL Art 14 and the duties in intake-channels.json) or a referral; the victim's
-- civil capacity (Civil Code Arts 17–22, encrypted) and whether the reporter's identity is sealed.
ALTER TABLE case_intakes ADD "ReportKind" character varying(40);
ALTER TABLE case_intakes ADD "ReporterSealed" boolean;
ALTER TABLE case_intakes ADD "ReportDuties" character varying(200);
ALTER TABLE case_intakes ADD "VictimCapacity" text;
ALTER TABLE case_intakes ADD "CapacityBasis" text;
