-- Evalkit project file: where each draft report put its charts, tables and
-- sections, so that the comments reviewers type into the draft PDF in any
-- viewer come back anchored to what they are about. doc_id is the id the
-- draft carries (its /ID and its Info); a project keeps the map of every
-- draft it rendered, since a reviewer may answer on an older one.
CREATE TABLE draft (
  doc_id      TEXT PRIMARY KEY,
  rendered_at TEXT NOT NULL,
  lang        TEXT NOT NULL,
  n_pages     INTEGER NOT NULL CHECK (n_pages >= 0)
) WITHOUT ROWID;

-- One rectangle per page an element covers, in PDF points from the page's
-- top-left corner, y growing down (as the report is drawn, and as poppler
-- gives the boxes of a page's text; annotation rectangles in the PDF have
-- y growing up from the page's foot). place is a review place ("chart:KEY",
-- "measure:20", "section:PART/SEC"…), name its heading or caption as the
-- draft printed it.
CREATE TABLE draft_anchor (
  doc_id TEXT NOT NULL REFERENCES draft (doc_id) ON DELETE CASCADE,
  page   INTEGER NOT NULL CHECK (page >= 1),
  x0     REAL NOT NULL,
  y0     REAL NOT NULL,
  x1     REAL NOT NULL,
  y1     REAL NOT NULL,
  place  TEXT NOT NULL,
  name   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX draft_anchor_page ON draft_anchor (doc_id, page);
