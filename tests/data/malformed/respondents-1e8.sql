-- expect: 100000000 respondents is outside 0 to 10000000
-- 1e8 respondents once allocated 12 GB before anything was checked.
UPDATE survey SET n_respondents = 100000000;
