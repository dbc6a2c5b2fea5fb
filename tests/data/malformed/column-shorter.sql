-- expect: values stored for
-- A numeric column one value shorter than the survey.
UPDATE column_data SET n_rows = n_rows - 1, data = substr (data, 2)
 WHERE variable_id = (SELECT min (variable_id) FROM column_data WHERE kind = 'i8');
