import type { Migration } from './types';

/** Cooperation agreements (PKS). Status is not stored: it is derived from the dates below. */
export const m0002: Migration = {
  version: 2,
  name: 'agreements',
  up(db) {
    db.exec(`
CREATE TABLE agreements (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES partners (id),
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
  office_number TEXT NOT NULL CHECK (length(office_number) BETWEEN 1 AND 120),
  number_year INTEGER NOT NULL,
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
  origin TEXT NOT NULL
) STRICT;
-- One office number per agreement, and one sequence number per year (two quick saves cannot share one).
CREATE UNIQUE INDEX agreements_office_number ON agreements (office_number);
CREATE UNIQUE INDEX agreements_number_seq ON agreements (number_year, number_seq) WHERE number_seq IS NOT NULL;
CREATE INDEX agreements_by_partner ON agreements (partner_id, start_date);
CREATE INDEX agreements_by_end ON agreements (end_date);
CREATE INDEX agreements_by_previous ON agreements (previous_id);
`);
  },
};
