-- load: open
-- expect: a row of “mrset_variable” refers to a row of “variable” that does not exist
-- A multiple-response set that lists a variable of no survey.
PRAGMA foreign_keys = OFF;
INSERT INTO mrset (survey_id, name, type, counted_value)
  SELECT min (id), 'crafted', 'dichotomy', '1' FROM survey;
INSERT INTO mrset_variable (mrset_id, variable_id, position)
  VALUES (last_insert_rowid (), 987654321, 0);
