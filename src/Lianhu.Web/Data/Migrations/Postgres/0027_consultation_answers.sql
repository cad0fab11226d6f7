-- The consultation assistant's answers edited in the platform (ADR 0036): immutable versions per entry.
CREATE TABLE consultation_answers (
    "Id" uuid NOT NULL,
    "EntryId" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "ContentJson" text NOT NULL,
    "Retired" boolean NOT NULL,
    "EditedAt" timestamp with time zone NOT NULL,
    "EditedBy" uuid NOT NULL,
    CONSTRAINT "PK_consultation_answers" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_consultation_answers_EntryId_Version" ON consultation_answers ("EntryId", "Version");
