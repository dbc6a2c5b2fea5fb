-- load: strategy
-- expect: measure 1: its goal or its status does not exist
-- A status that is a measure type's term.
UPDATE measure SET status_id = (SELECT min (id) FROM term WHERE vocab = 'type') WHERE number = 1;
