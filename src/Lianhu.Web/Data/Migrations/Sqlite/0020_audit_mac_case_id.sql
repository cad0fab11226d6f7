-- Keyed audit MACs and the case an event concerns (ADR 0023). Reasons are now stored encrypted
-- (SQLite's TEXT needs no change); older plaintext reasons and clock outcomes read as they are
-- until 'lianhu keys reencrypt'.
ALTER TABLE "audit_events" ADD COLUMN "CaseId" TEXT NULL;
ALTER TABLE "audit_events" ADD COLUMN "Mac" TEXT NULL;
CREATE INDEX "IX_audit_events_CaseId_At" ON "audit_events" ("CaseId", "At");
-- Earlier events on a case name it as their entity (EF keeps a Guid as upper-case text).
UPDATE "audit_events" SET "CaseId" = upper("EntityId") WHERE "EntityType" = 'case' AND length("EntityId") = 36;
