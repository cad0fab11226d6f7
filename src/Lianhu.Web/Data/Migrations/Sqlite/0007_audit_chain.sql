-- Tamper-evident audit chain (ADR 0012).
ALTER TABLE "audit_events" ADD COLUMN "ChainIndex" INTEGER NULL;
ALTER TABLE "audit_events" ADD COLUMN "PreviousHash" TEXT NULL;
ALTER TABLE "audit_events" ADD COLUMN "Hash" TEXT NULL;
CREATE UNIQUE INDEX "IX_audit_events_ChainIndex" ON "audit_events" ("ChainIndex");
