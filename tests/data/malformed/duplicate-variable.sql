-- load: open
-- expect: its table “variable” is not the one Evalkit makes
-- The variable table rebuilt without its UNIQUE (survey_id, name), and a
-- second variable with the first one's name: a NULL dereference.
PRAGMA foreign_keys = OFF;
CREATE TABLE variable_copy AS SELECT * FROM variable;
DROP TABLE variable;
CREATE TABLE variable (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  survey_id INTEGER NOT NULL,
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  type      TEXT NOT NULL,
  measure   TEXT NOT NULL DEFAULT 'unknown',
  format    TEXT,
  width     INTEGER,
  personal  INTEGER NOT NULL DEFAULT 0,
  text_role TEXT
);
INSERT INTO variable SELECT * FROM variable_copy;
DROP TABLE variable_copy;
INSERT INTO variable (survey_id, position, name, type, measure, personal)
  SELECT survey_id, 1000000, name, type, measure, 0 FROM variable
   WHERE id = (SELECT min (variable_id) FROM column_data);
INSERT INTO column_data (variable_id, kind, n_rows, data)
  SELECT last_insert_rowid (), kind, n_rows, data FROM column_data
   WHERE variable_id = (SELECT min (variable_id) FROM column_data);
