-- The report's outline as project data: its parts in the order they are
-- printed, the sections of each part, and where the report's own figures
-- go. Part and section titles, figure captions and the narrative are
-- texts (entity 'project'), so translators see them with the rest.

CREATE TABLE report_part (
  id       INTEGER PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  key      TEXT NOT NULL UNIQUE,
  kind     TEXT NOT NULL CHECK (kind IN ('chapter', 'contents', 'goals', 'method', 'status',
                                         'documents', 'references', 'abbreviations',
                                         'questionnaire')),
  numbered INTEGER NOT NULL DEFAULT 1 CHECK (numbered IN (0, 1)),
  -- The kind's options as "Key=value" lines.
  options  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE report_section (
  id       INTEGER PRIMARY KEY,
  part     INTEGER NOT NULL REFERENCES report_part (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key      TEXT NOT NULL,
  heading  INTEGER NOT NULL DEFAULT 1 CHECK (heading IN (0, 1)),
  -- Generated tables printed after the section's text, ';'-separated.
  include  TEXT NOT NULL DEFAULT '',
  UNIQUE (part, position),
  UNIQUE (part, key)
);

CREATE TABLE report_figure (
  id       INTEGER PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE,
  key      TEXT NOT NULL UNIQUE,
  kind     TEXT NOT NULL,
  -- One table spec per drawn table, ';'-separated.
  tables   TEXT NOT NULL,
  -- PART:SECTION of the outline; the figure follows that section's text.
  place    TEXT NOT NULL
);
