import { STANDARD_ARTICLES, STANDARD_LEGAL_BASES, STANDARD_TEMPLATE_ID } from '../../shared/agreementTemplate';
import type { Migration } from './types';

/**
 * Pasal templates kept by the office (seeded with the standard pasal), and the register of printed
 * documents: each distinct content of a document gets a version and a verification code.
 */
export const m0004: Migration = {
  version: 4,
  name: 'templates_documents',
  up(db) {
    db.exec(`
CREATE TABLE article_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  legal_bases TEXT NOT NULL CHECK (json_valid(legal_bases) AND json_type(legal_bases) = 'array'),
  articles TEXT NOT NULL CHECK (json_valid(articles) AND json_type(articles) = 'array'),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX article_templates_name ON article_templates (name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX article_templates_default ON article_templates (is_default) WHERE is_default = 1 AND deleted_at IS NULL;

CREATE TABLE printed_documents (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('pks')),
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  number TEXT NOT NULL,
  printed_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  origin TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX printed_documents_version ON printed_documents (kind, entity_id, version);
CREATE INDEX printed_documents_by_content ON printed_documents (kind, entity_id, content_sha256);
`);
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO article_templates (id, name, legal_bases, articles, is_default, created_at, updated_at, origin) VALUES (?, ?, ?, ?, 1, ?, ?, 'bawaan')`,
    ).run(STANDARD_TEMPLATE_ID, 'Standar', JSON.stringify(STANDARD_LEGAL_BASES), JSON.stringify(STANDARD_ARTICLES), now, now);
  },
};
