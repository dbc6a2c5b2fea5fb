-- expect: unknown kind of missing value “maybe”
PRAGMA ignore_check_constraints = ON;
INSERT INTO missing_value (variable_id, lo, hi, kind)
  SELECT min (variable_id), 9, 9, 'maybe' FROM column_data;
