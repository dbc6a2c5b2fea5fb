-- expect: values stored for
-- Within the limit, but more respondents than the columns hold.
UPDATE survey SET n_respondents = 9000000;
