-- expect: a variable the survey does not have
-- A multiple-response set that lists a variable of no survey.
PRAGMA foreign_keys = OFF;
INSERT INTO mrset (survey_id, name, type, counted_value)
  SELECT min (id), 'crafted', 'dichotomy', '1' FROM survey;
INSERT INTO mrset_variable (mrset_id, variable_id, position)
  VALUES (last_insert_rowid (), 987654321, 0);
