-- load: open
-- expect: it lacks “comment”
-- A table Evalkit relies on is gone.
DROP TABLE comment;
