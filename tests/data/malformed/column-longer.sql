-- expect: values stored for
-- A numeric column one value longer than the survey: every awareness
-- chart read past its buffer.
UPDATE column_data SET n_rows = n_rows + 1, data = data || x'01'
 WHERE variable_id = (SELECT min (variable_id) FROM column_data WHERE kind = 'i8');
