-- expect: stored values are damaged
-- The row count is right, the blob one byte short.
UPDATE column_data SET data = substr (data, 2)
 WHERE variable_id = (SELECT min (variable_id) FROM column_data WHERE kind = 'i8');
