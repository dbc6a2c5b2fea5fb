-- Evalkit project file: the reference group's review.
--
-- The comment table of version 1 was never written and its CHECK knew too
-- few places: it is made again. A comment sits on a place ("chart:KEY",
-- "section:PART/SEC", …, see app/core/review/evk-comment.h) and keeps the
-- place's name as it was when written, so it survives the chart or section
-- being deleted. uuid is what makes merging a review copy, or importing a
-- draft PDF's notes, a second time add nothing.

DROP TABLE comment;

CREATE TABLE comment (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE CHECK (length (uuid) > 0),
  -- The comment this one replies to; NULL for a comment of its own.
  parent_uuid TEXT REFERENCES comment (uuid),
  place       TEXT NOT NULL CHECK (length (place) > 0),
  place_name  TEXT NOT NULL DEFAULT '',
  author      TEXT NOT NULL,
  -- ISO 8601, UTC.
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  -- The text a reviewer highlighted, if any.
  quote       TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_at TEXT,
  -- '' typed in this file; 'copy:COPY-ID' merged from a review copy;
  -- 'pdf:DOC-ID' imported from a draft PDF.
  origin      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX comment_parent ON comment (parent_uuid);

-- One row when this file is a review copy: what it was made from, for whom
-- and when. A project's own file has none.
CREATE TABLE review_copy (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  copy_id    TEXT NOT NULL CHECK (length (copy_id) > 0),
  project_id TEXT NOT NULL CHECK (length (project_id) > 0),
  reviewer   TEXT NOT NULL DEFAULT '',
  made_at    TEXT NOT NULL
);

-- The aggregate tables a review copy carries instead of the survey's
-- answers, small cells already suppressed: one per canonical table spec
-- and report language. A rowid table: its rows are large, and WITHOUT
-- ROWID would spill each into overflow pages (twice the file).
CREATE TABLE review_table (
  spec       TEXT NOT NULL,
  lang       TEXT NOT NULL,
  table_json TEXT NOT NULL,
  PRIMARY KEY (spec, lang)
);

-- The project's stable id, so that its review copies and draft PDFs can be
-- told from another project's: a random (version 4) UUID.
INSERT OR IGNORE INTO project_meta (key, value) VALUES ('project_id',
  lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
  substr (lower (hex (randomblob (2))), 2) || '-' ||
  substr ('89ab', 1 + (abs (random ()) % 4), 1) || substr (lower (hex (randomblob (2))), 2) || '-' ||
  lower (hex (randomblob (6))));
