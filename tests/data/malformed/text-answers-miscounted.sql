-- expect: its stored text answers are damaged
-- A text variable's answers in one row whose count of answers is not the
-- number of rows it lists.
UPDATE text_data SET n_answers = n_answers + 1
 WHERE variable_id = (SELECT min (variable_id) FROM text_data);
