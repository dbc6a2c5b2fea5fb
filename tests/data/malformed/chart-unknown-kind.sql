-- load: charts
-- expect: an unknown kind “bogus”
-- A chart kind this version does not draw was drawn as a table.
INSERT INTO chart (key, kind, spec, position) VALUES ('crafted', 'bogus', 'frequency q1', 0);
