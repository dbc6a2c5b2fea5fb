-- load: charts
-- expect: chart “crafted”: no key, an unknown kind
-- A chart of a measure that does not exist.
INSERT INTO chart (key, kind, spec, measure_id, position) VALUES ('crafted', 'distribution', 'frequency q1', 999999, 0);
