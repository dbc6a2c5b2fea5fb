-- expect: outside the survey
-- A text answer for a respondent the survey does not have.
INSERT INTO string_data (variable_id, row, value)
  SELECT min (id), 999999999, 'x' FROM variable WHERE type = 'string';
