-- Evalkit project file, schema version 1.
-- One SQLite file holds a whole evaluation. Every user-visible text lives in
-- the text table, once per language, with the fingerprint of the source-
-- language text it was written from, so translations can go stale visibly.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;

CREATE TABLE language (
  code      TEXT PRIMARY KEY CHECK (length (code) BETWEEN 2 AND 35),
  position  INTEGER NOT NULL,
  is_source INTEGER NOT NULL DEFAULT 0 CHECK (is_source IN (0, 1))
) WITHOUT ROWID;
CREATE UNIQUE INDEX language_one_source ON language (is_source) WHERE is_source = 1;

-- entity is the table name of the owner, field its text field ("title",
-- "name", "section:purpose", ...). source_fp is the fingerprint of the source
-- language text this row was written from; for the source row it is its own.
CREATE TABLE text (
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  field      TEXT NOT NULL,
  lang       TEXT NOT NULL REFERENCES language (code) ON UPDATE CASCADE ON DELETE CASCADE,
  body       TEXT NOT NULL,
  source_fp  TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (entity, entity_id, field, lang)
) WITHOUT ROWID;

-- Per-project vocabularies: statuses, measure types, target groups,
-- narrative sections. Names are texts (entity 'term').
CREATE TABLE term (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  vocab    TEXT NOT NULL CHECK (vocab IN ('status', 'type', 'target', 'section', 'code')),
  key      TEXT NOT NULL CHECK (length (key) > 0),
  position INTEGER NOT NULL,
  UNIQUE (vocab, key)
);

-- Responsible ministries and directorates (entity 'body').
CREATE TABLE body (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  key      TEXT NOT NULL UNIQUE CHECK (length (key) > 0),
  kind     TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('ministry', 'directorate', 'other')),
  position INTEGER NOT NULL
);

CREATE TABLE goal (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  key      TEXT NOT NULL UNIQUE CHECK (length (key) > 0),
  kind     TEXT NOT NULL DEFAULT 'goal' CHECK (kind IN ('goal', 'implementation')),
  position INTEGER NOT NULL
);

CREATE TABLE measure (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  number    INTEGER NOT NULL UNIQUE CHECK (number > 0),
  goal_id   INTEGER NOT NULL REFERENCES goal (id) ON DELETE RESTRICT,
  status_id INTEGER REFERENCES term (id) ON DELETE RESTRICT
);
CREATE INDEX measure_goal ON measure (goal_id);

CREATE TABLE measure_term (
  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  term_id    INTEGER NOT NULL REFERENCES term (id) ON DELETE RESTRICT,
  position   INTEGER NOT NULL,
  PRIMARY KEY (measure_id, term_id)
) WITHOUT ROWID;

CREATE TABLE measure_body (
  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  body_id    INTEGER NOT NULL REFERENCES body (id) ON DELETE RESTRICT,
  position   INTEGER NOT NULL,
  PRIMARY KEY (measure_id, body_id)
) WITHOUT ROWID;

-- Surveys. Respondent-level data is stored per variable as one packed
-- column at its natural width (see evk-column.h: i8, i16, i32 or f64,
-- little-endian, the smallest value of the type or NaN is system-missing),
-- so statistics on large surveys read one blob per variable; string
-- variables keep one row per non-empty value.
CREATE TABLE survey (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  name           TEXT NOT NULL UNIQUE CHECK (length (name) > 0),
  source_file    TEXT,
  source_format  TEXT,
  imported_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  n_respondents  INTEGER NOT NULL DEFAULT 0,
  invited        INTEGER,
  net_population INTEGER,
  id_variable    TEXT,
  weight_variable TEXT
);

CREATE TABLE variable (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  type      TEXT NOT NULL CHECK (type IN ('numeric', 'string')),
  measure   TEXT NOT NULL DEFAULT 'unknown' CHECK (measure IN ('unknown', 'nominal', 'ordinal', 'scale')),
  format    TEXT,
  width     INTEGER,
  personal  INTEGER NOT NULL DEFAULT 0 CHECK (personal IN (0, 1)),
  UNIQUE (survey_id, name)
);

CREATE TABLE value_label (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  variable_id INTEGER NOT NULL REFERENCES variable (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  num_value   REAL,
  str_value   TEXT,
  CHECK ((num_value IS NULL) <> (str_value IS NULL))
);
CREATE INDEX value_label_variable ON value_label (variable_id);

CREATE TABLE missing_value (
  variable_id INTEGER NOT NULL REFERENCES variable (id) ON DELETE CASCADE,
  lo          REAL,
  hi          REAL,
  str_value   TEXT,
  kind        TEXT NOT NULL DEFAULT 'missing' CHECK (kind IN ('missing', 'dont-know', 'not-relevant'))
);
CREATE INDEX missing_value_variable ON missing_value (variable_id);

CREATE TABLE mrset (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  survey_id     INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  type          TEXT NOT NULL CHECK (type IN ('dichotomy', 'category')),
  counted_value TEXT,
  UNIQUE (survey_id, name)
);

CREATE TABLE mrset_variable (
  mrset_id    INTEGER NOT NULL REFERENCES mrset (id) ON DELETE CASCADE,
  variable_id INTEGER NOT NULL REFERENCES variable (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  PRIMARY KEY (mrset_id, variable_id)
) WITHOUT ROWID;

CREATE TABLE column_data (
  variable_id INTEGER PRIMARY KEY REFERENCES variable (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('i8', 'i16', 'i32', 'f64')),
  n_rows      INTEGER NOT NULL CHECK (n_rows >= 0),
  data        BLOB NOT NULL
);

CREATE TABLE string_data (
  variable_id INTEGER NOT NULL REFERENCES variable (id) ON DELETE CASCADE,
  row         INTEGER NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (variable_id, row)
) WITHOUT ROWID;

-- Register shares of the population, per category of a survey variable.
CREATE TABLE population_share (
  survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  variable  TEXT NOT NULL,
  num_value REAL NOT NULL,
  share     REAL NOT NULL CHECK (share >= 0 AND share <= 100),
  source    TEXT,
  PRIMARY KEY (survey_id, variable, num_value)
) WITHOUT ROWID;

-- The concrete offers a survey asked about, and their links to measures.
-- Variables are referred to by name so a re-imported survey keeps its links.
CREATE TABLE offer (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  key      TEXT NOT NULL UNIQUE CHECK (length (key) > 0),
  position INTEGER NOT NULL
);

CREATE TABLE offer_variable (
  offer_id INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  role     TEXT NOT NULL CHECK (length (role) > 0),
  variable TEXT NOT NULL CHECK (length (variable) > 0),
  PRIMARY KEY (offer_id, role)
) WITHOUT ROWID;

CREATE TABLE offer_measure (
  offer_id   INTEGER NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (offer_id, measure_id)
) WITHOUT ROWID;

CREATE TABLE respondent_group (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  key      TEXT NOT NULL UNIQUE CHECK (length (key) > 0),
  filter   TEXT NOT NULL,
  position INTEGER NOT NULL
);

-- Document review.
CREATE TABLE document (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  key       TEXT NOT NULL UNIQUE CHECK (length (key) > 0),
  title     TEXT NOT NULL,
  type      TEXT NOT NULL,
  issuer    TEXT,
  recipient TEXT,
  year      INTEGER
);

CREATE TABLE coding (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  measure_id  INTEGER NOT NULL REFERENCES measure (id) ON DELETE RESTRICT,
  code_id     INTEGER NOT NULL REFERENCES term (id) ON DELETE RESTRICT,
  page        INTEGER,
  excerpt     TEXT
);
CREATE INDEX coding_measure ON coding (measure_id);
CREATE INDEX coding_document ON coding (document_id);

-- Saved charts. spec is the chart specification as a GKeyFile text; key is
-- the stable id users and the report refer to.
CREATE TABLE chart (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  key        TEXT NOT NULL UNIQUE CHECK (length (key) > 0),
  kind       TEXT NOT NULL,
  spec       TEXT NOT NULL DEFAULT '',
  measure_id INTEGER REFERENCES measure (id) ON DELETE CASCADE,
  goal_id    INTEGER REFERENCES goal (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  in_report  INTEGER NOT NULL DEFAULT 1 CHECK (in_report IN (0, 1))
);

-- Reviewers' comments. uuid makes a merge of several review copies
-- idempotent.
CREATE TABLE comment (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT NOT NULL UNIQUE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('chart', 'measure', 'goal', 'section', 'project')),
  target_key  TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  origin      TEXT
);

-- Texts belong to their owner: remove them with it.
CREATE TRIGGER term_texts AFTER DELETE ON term BEGIN
  DELETE FROM text WHERE entity = 'term' AND entity_id = old.id; END;
CREATE TRIGGER body_texts AFTER DELETE ON body BEGIN
  DELETE FROM text WHERE entity = 'body' AND entity_id = old.id; END;
CREATE TRIGGER goal_texts AFTER DELETE ON goal BEGIN
  DELETE FROM text WHERE entity = 'goal' AND entity_id = old.id; END;
CREATE TRIGGER measure_texts AFTER DELETE ON measure BEGIN
  DELETE FROM text WHERE entity = 'measure' AND entity_id = old.id; END;
CREATE TRIGGER offer_texts AFTER DELETE ON offer BEGIN
  DELETE FROM text WHERE entity = 'offer' AND entity_id = old.id; END;
CREATE TRIGGER group_texts AFTER DELETE ON respondent_group BEGIN
  DELETE FROM text WHERE entity = 'respondent_group' AND entity_id = old.id; END;
CREATE TRIGGER survey_texts AFTER DELETE ON survey BEGIN
  DELETE FROM text WHERE entity = 'survey' AND entity_id = old.id; END;
CREATE TRIGGER variable_texts AFTER DELETE ON variable BEGIN
  DELETE FROM text WHERE entity = 'variable' AND entity_id = old.id; END;
CREATE TRIGGER value_label_texts AFTER DELETE ON value_label BEGIN
  DELETE FROM text WHERE entity = 'value_label' AND entity_id = old.id; END;
CREATE TRIGGER mrset_texts AFTER DELETE ON mrset BEGIN
  DELETE FROM text WHERE entity = 'mrset' AND entity_id = old.id; END;
CREATE TRIGGER chart_texts AFTER DELETE ON chart BEGIN
  DELETE FROM text WHERE entity = 'chart' AND entity_id = old.id; END;
