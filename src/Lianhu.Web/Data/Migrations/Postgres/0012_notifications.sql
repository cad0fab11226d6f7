-- Linkage: agency webhooks and the notification outbox (ADR 0015).
CREATE TABLE agency_webhooks (
    "Id" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "Url" character varying(500) NOT NULL,
    "Secret" text NOT NULL,
    "Active" boolean NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_agency_webhooks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_agency_webhooks_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_agency_webhooks_AgencyId" ON agency_webhooks ("AgencyId");
CREATE TABLE notification_outbox (
    "Id" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "PayloadJson" character varying(2000) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Attempts" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "DeliveredAt" timestamp with time zone,
    "LastError" character varying(100),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_notification_outbox" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_notification_outbox_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES agencies ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_notification_outbox_AgencyId_CreatedAt" ON notification_outbox ("AgencyId", "CreatedAt");
CREATE INDEX "IX_notification_outbox_Status_NextAttemptAt" ON notification_outbox ("Status", "NextAttemptAt");
