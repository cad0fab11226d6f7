-- The consultation assistant's answers edited in the platform (ADR 0036): immutable versions per entry.
CREATE TABLE "consultation_answers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_consultation_answers" PRIMARY KEY,
    "EntryId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "ContentJson" TEXT NOT NULL,
    "Retired" INTEGER NOT NULL,
    "EditedAt" INTEGER NOT NULL,
    "EditedBy" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_consultation_answers_EntryId_Version" ON "consultation_answers" ("EntryId", "Version");
