-- The monthly quality bulletin (ADR 0032): immutable published versions per division and month.
CREATE TABLE bulletins (
    "Id" uuid NOT NULL,
    "DivisionCode" character varying(12) NOT NULL,
    "Period" character varying(7) NOT NULL,
    "Version" integer NOT NULL,
    "SchemeId" character varying(100) NOT NULL,
    "SchemeVersion" integer NOT NULL,
    "FiguresJson" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    CONSTRAINT "PK_bulletins" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_bulletins_divisions_DivisionCode" FOREIGN KEY ("DivisionCode") REFERENCES divisions ("Code") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_bulletins_DivisionCode_Period_Version" ON bulletins ("DivisionCode", "Period", "Version");
