-- Evalkit project file: a translation keeps the source text it was made
-- from, so when the source changes a translator sees what changed (the
-- previous source of a fuzzy PO entry, the Translations page's diff).
-- NULL for source-language rows and for translations written before.
ALTER TABLE text ADD COLUMN source_body TEXT;
