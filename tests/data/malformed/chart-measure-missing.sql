-- load: open
-- expect: a row of “chart” refers to a row of “measure” that does not exist
-- A chart of a measure that does not exist.
INSERT INTO chart (key, kind, spec, measure_id, position) VALUES ('crafted', 'distribution', 'frequency q1', 999999, 0);
