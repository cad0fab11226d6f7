-- Four eyes on role grants (ADR 0024): a new account or added roles wait here for a second administrator.
CREATE TABLE role_requests (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "NewAccount" boolean NOT NULL,
    "Roles" character varying(200) NOT NULL,
    "RequestedBy" uuid NOT NULL,
    "RequestedAt" timestamp with time zone NOT NULL,
    "Status" character varying(20) NOT NULL,
    "DecidedBy" uuid,
    "DecidedAt" timestamp with time zone,
    CONSTRAINT "PK_role_requests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_role_requests_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_role_requests_UserId_Status" ON role_requests ("UserId", "Status");
CREATE INDEX "IX_role_requests_Status_RequestedAt" ON role_requests ("Status", "RequestedAt");
