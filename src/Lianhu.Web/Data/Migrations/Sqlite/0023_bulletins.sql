-- The monthly quality bulletin (ADR 0032): immutable published versions per division and month.
CREATE TABLE "bulletins" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_bulletins" PRIMARY KEY,
    "DivisionCode" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "SchemeId" TEXT NOT NULL,
    "SchemeVersion" INTEGER NOT NULL,
    "FiguresJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    CONSTRAINT "FK_bulletins_divisions_DivisionCode" FOREIGN KEY ("DivisionCode") REFERENCES "divisions" ("Code") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_bulletins_DivisionCode_Period_Version" ON "bulletins" ("DivisionCode", "Period", "Version");
