-- Linkage: agency webhooks and the notification outbox (ADR 0015).
CREATE TABLE "agency_webhooks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_agency_webhooks" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_agency_webhooks_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_agency_webhooks_AgencyId" ON "agency_webhooks" ("AgencyId");
CREATE TABLE "notification_outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notification_outbox" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "DeliveredAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_notification_outbox_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_notification_outbox_AgencyId_CreatedAt" ON "notification_outbox" ("AgencyId", "CreatedAt");
CREATE INDEX "IX_notification_outbox_Status_NextAttemptAt" ON "notification_outbox" ("Status", "NextAttemptAt");
