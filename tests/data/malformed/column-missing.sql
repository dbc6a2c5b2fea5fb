-- expect: has no stored values
-- A numeric variable without its column.
DELETE FROM column_data WHERE variable_id = (SELECT min (variable_id) FROM column_data);
