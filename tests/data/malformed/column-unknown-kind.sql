-- expect: stored values are damaged
-- A column kind the schema's CHECK would refuse.
PRAGMA ignore_check_constraints = ON;
UPDATE column_data SET kind = 'i64'
 WHERE variable_id = (SELECT min (variable_id) FROM column_data WHERE kind = 'i8');
