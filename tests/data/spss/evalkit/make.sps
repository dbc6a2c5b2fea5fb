* Makes text-categories.sav: text categories and a date, for Evalkit's tests.
SET LOCALE='UTF-8'.
DATA LIST LIST (",") FILE='data.txt' ENCODING='UTF-8'
  /id (F3.0) arm (A1) region (A12) site (A8) born (ADATE10) comment (A80).
VARIABLE LABELS arm 'Treatment group' region 'Region' site 'Site' born 'Date of birth' comment 'Comment'.
VALUE LABELS arm 'C' 'High dose' 'A' 'Placebo' 'B' 'Low dose'.
SAVE OUTFILE='text-categories.sav' /UNCOMPRESSED.
FREQUENCIES arm region site born.
