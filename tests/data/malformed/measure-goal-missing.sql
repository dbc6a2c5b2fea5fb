-- load: open
-- expect: a row of “measure” refers to a row of “goal” that does not exist
-- A measure whose goal is gone silently vanished from every view.
UPDATE measure SET goal_id = 999999 WHERE number = 1;
