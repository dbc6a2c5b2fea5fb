-- Evalkit project file: a text variable's answers in one row, as a numeric
-- variable's values are (column_data), instead of one row per answer.
-- rows holds n_answers little-endian 32-bit respondent rows, increasing;
-- texts the answers in the same order, each UTF-8 and ended by a NUL (see
-- evk-text-column.h). A survey of a million respondents then writes 16
-- rows for its text variables, not 1.6 million. string_data keeps the
-- answers of surveys saved before, until the survey is saved again.

CREATE TABLE text_data (
  variable_id INTEGER PRIMARY KEY REFERENCES variable (id) ON DELETE CASCADE,
  n_rows      INTEGER NOT NULL CHECK (n_rows >= 0),
  n_answers   INTEGER NOT NULL CHECK (n_answers >= 0 AND n_answers <= n_rows),
  rows        BLOB NOT NULL,
  texts       BLOB NOT NULL
);
