import type { Migration } from './types';

/**
 * An automatic office number is given when a PKS is signed, not when its draft is saved, so a
 * draft that is given up leaves no gap in the register. A draft may therefore have no number:
 * `office_number` and `number_year` become nullable (a table rebuild, SQLite cannot drop NOT NULL
 * in place), while a signed agreement always has one. Rows keep their numbers as they were: a
 * number already given may have been printed.
 */
export const m0013: Migration = {
  version: 13,
  name: 'agreement_numbers_on_signing',
  rebuildsTables: true,
  up(db) {
    db.exec(`
CREATE TABLE agreements_new (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners (id),
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
  office_number TEXT CHECK (office_number IS NULL OR length(office_number) BETWEEN 1 AND 120),
  number_year INTEGER,
  number_seq INTEGER,
  partner_number TEXT NOT NULL DEFAULT '',
  sign_place TEXT NOT NULL DEFAULT '',
  sign_date TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  term_months INTEGER CHECK (term_months IS NULL OR term_months > 0),
  bidang TEXT NOT NULL CHECK (json_valid(bidang) AND json_type(bidang) = 'array'),
  services TEXT NOT NULL CHECK (json_valid(services) AND json_type(services) = 'array'),
  office_signatory TEXT NOT NULL CHECK (json_valid(office_signatory)),
  partner_signatory TEXT NOT NULL CHECK (json_valid(partner_signatory)),
  legal_bases TEXT NOT NULL CHECK (json_valid(legal_bases) AND json_type(legal_bases) = 'array'),
  articles TEXT NOT NULL CHECK (json_valid(articles) AND json_type(articles) = 'array'),
  funding TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  signed_on TEXT,
  cancelled_on TEXT,
  cancel_reason TEXT NOT NULL DEFAULT '',
  previous_id TEXT REFERENCES agreements (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL,
  -- A number and its year go together; a sequence only with a number; a signed PKS always has one.
  CHECK ((office_number IS NULL) = (number_year IS NULL)),
  CHECK (office_number IS NOT NULL OR number_seq IS NULL),
  CHECK (signed_on IS NULL OR office_number IS NOT NULL)
) STRICT;
INSERT INTO agreements_new (id, partner_id, subject, office_number, number_year, number_seq, partner_number, sign_place, sign_date,
  start_date, end_date, term_months, bidang, services, office_signatory, partner_signatory, legal_bases, articles, funding, notes,
  signed_on, cancelled_on, cancel_reason, previous_id, created_at, updated_at, deleted_at, origin)
SELECT id, partner_id, subject, office_number, number_year, number_seq, partner_number, sign_place, sign_date,
  start_date, end_date, term_months, bidang, services, office_signatory, partner_signatory, legal_bases, articles, funding, notes,
  signed_on, cancelled_on, cancel_reason, previous_id, created_at, updated_at, deleted_at, origin
FROM agreements;
DROP TABLE agreements;
ALTER TABLE agreements_new RENAME TO agreements;
CREATE UNIQUE INDEX agreements_office_number ON agreements (origin, office_number);
CREATE UNIQUE INDEX agreements_number_seq ON agreements (origin, number_year, number_seq) WHERE number_seq IS NOT NULL;
CREATE INDEX agreements_by_partner ON agreements (partner_id, start_date);
CREATE INDEX agreements_by_end ON agreements (end_date);
CREATE INDEX agreements_by_previous ON agreements (previous_id);
`);
  },
};
