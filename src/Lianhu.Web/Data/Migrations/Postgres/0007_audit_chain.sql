-- Tamper-evident audit chain (ADR 0012).
ALTER TABLE audit_events ADD COLUMN "ChainIndex" bigint;
ALTER TABLE audit_events ADD COLUMN "PreviousHash" character varying(64);
ALTER TABLE audit_events ADD COLUMN "Hash" character varying(64);
CREATE UNIQUE INDEX "IX_audit_events_ChainIndex" ON audit_events ("ChainIndex");
