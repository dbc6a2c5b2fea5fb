-- load: strategy
-- expect: measure 1: its goal or its status does not exist
-- A measure whose goal is gone silently vanished from every view.
UPDATE measure SET goal_id = 999999 WHERE number = 1;
