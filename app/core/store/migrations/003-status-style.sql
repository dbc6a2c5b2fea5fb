-- Evalkit project file: statuses get a colour and a "counts as completed"
-- flag, so an evaluator's own status list draws and sums like the demo's.
-- colour is "#rrggbb" or NULL (the chart palette decides); completed says
-- whether measures with the status count as carried out in the summary.

ALTER TABLE term ADD COLUMN colour TEXT
  CHECK (colour IS NULL OR (length (colour) = 7 AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'));
ALTER TABLE term ADD COLUMN completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1));
