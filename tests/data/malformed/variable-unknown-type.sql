-- expect: unknown type “blob”
PRAGMA ignore_check_constraints = ON;
UPDATE variable SET type = 'blob' WHERE id = (SELECT min (id) FROM variable WHERE type = 'string');
