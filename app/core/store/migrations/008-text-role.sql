-- Evalkit project file: what the evaluator says a text variable is.
-- NULL lets the rule decide (few distinct, short answers are categories,
-- anything else free text; see data/survey-csv-format.md); 'categories'
-- and 'free-text' are the evaluator's choice and outlive a re-import.
-- A personal variable (personal = 1) is personal whatever this says.

ALTER TABLE variable ADD COLUMN text_role TEXT
  CHECK (text_role IS NULL OR text_role IN ('categories', 'free-text'));
