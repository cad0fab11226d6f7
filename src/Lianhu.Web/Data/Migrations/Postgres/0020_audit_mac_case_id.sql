-- Keyed audit MACs and the case an event concerns (ADR 0023). Reasons and clock outcomes are now
-- stored encrypted: the envelope is longer than the text. Older plaintext values read as they are
-- until 'lianhu keys reencrypt'.
ALTER TABLE audit_events ADD COLUMN "CaseId" uuid;
ALTER TABLE audit_events ADD COLUMN "Mac" character varying(80);
CREATE INDEX "IX_audit_events_CaseId_At" ON audit_events ("CaseId", "At");
ALTER TABLE audit_events ALTER COLUMN "Reason" TYPE text;
ALTER TABLE clocks ALTER COLUMN "Outcome" TYPE text;
-- Earlier events on a case name it as their entity.
UPDATE audit_events SET "CaseId" = "EntityId"::uuid WHERE "EntityType" = 'case' AND "EntityId" ~ '^[0-9a-fA-F-]{36}$';
