-- expect: unknown measurement level “interval”
PRAGMA ignore_check_constraints = ON;
UPDATE variable SET measure = 'interval' WHERE id = (SELECT min (variable_id) FROM column_data);
