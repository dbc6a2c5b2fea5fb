-- expect: personal-data mark is neither 0 nor 1
PRAGMA ignore_check_constraints = ON;
UPDATE variable SET personal = 7 WHERE id = (SELECT min (variable_id) FROM column_data);
