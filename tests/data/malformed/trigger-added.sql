-- load: open
-- expect: its trigger “crafted” is not the one Evalkit makes
-- A trigger Evalkit did not make: it would run on Evalkit's own writes
-- and change the project behind its back.
CREATE TRIGGER crafted AFTER INSERT ON goal BEGIN DELETE FROM measure; END;
