/**
 * What endpoints before 0.2 kept beside the SQLite file instead of inside it: the pepper
 * (`<db>.pepper`, the tracking-code secret) and uploads (`attachments/<id>`). Read once into the
 * database by migration 2; the files are left where they are (delete them once a backup of the
 * database holds everything).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

export function legacyPepper(dbPath: string): Buffer | undefined {
  const file = `${dbPath}.pepper`;
  return existsSync(file) ? Buffer.from(readFileSync(file, 'utf8').trim(), 'base64') : undefined;
}

export function importLegacyAttachments(db: Database.Database, dbPath: string): void {
  const dir = join(dirname(dbPath), 'attachments');
  if (!existsSync(dir)) return;
  const ids = db
    .prepare(
      'SELECT id FROM attachments WHERE id NOT IN (SELECT attachment_id FROM attachment_contents) ORDER BY created_at',
    )
    .pluck()
    .all() as string[];
  const insert = db.prepare('INSERT INTO attachment_contents (attachment_id, content) VALUES (?, ?)');
  for (const id of ids) {
    const file = join(dir, id);
    if (/^att_[A-Za-z0-9_-]+$/.test(id) && existsSync(file)) insert.run(id, readFileSync(file));
  }
}
