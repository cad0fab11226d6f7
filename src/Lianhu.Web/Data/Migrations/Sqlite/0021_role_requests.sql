-- Four eyes on role grants (ADR 0024): a new account or added roles wait here for a second administrator.
CREATE TABLE "role_requests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_role_requests" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "NewAccount" INTEGER NOT NULL,
    "Roles" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RequestedAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    CONSTRAINT "FK_role_requests_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_role_requests_UserId_Status" ON "role_requests" ("UserId", "Status");
CREATE INDEX "IX_role_requests_Status_RequestedAt" ON "role_requests" ("Status", "RequestedAt");
