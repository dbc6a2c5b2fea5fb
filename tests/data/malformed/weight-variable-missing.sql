-- expect: names variable nosuch, which it does not have
UPDATE survey SET weight_variable = 'nosuch';
