-- expect: 3000000000 respondents is outside 0 to 10000000
UPDATE survey SET n_respondents = 3000000000;
