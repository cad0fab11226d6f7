-- The case summary is stored encrypted (ADR 0010): the envelope is longer than the text.
ALTER TABLE cases ALTER COLUMN "Summary" TYPE text;
