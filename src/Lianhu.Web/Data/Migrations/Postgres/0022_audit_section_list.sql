-- A read's audit event names every section it returned (identity,contact,incident,health,children …), longer than 40.
ALTER TABLE "audit_events" ALTER COLUMN "Section" TYPE character varying(120);
