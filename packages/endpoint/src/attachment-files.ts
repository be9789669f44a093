/**
 * Uploaded files on disk, outside any served folder: `{dir}/{id}`, written first as
 * `{dir}/{id}.part` and renamed once checked. The sweep deletes what no request claimed within
 * the retention time (24 h by default), rows and files alike.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { RequestStore } from './store/types.js';

const ID_PATTERN = /^att_[A-Za-z0-9_-]{16,64}$/;

export class AttachmentFiles {
  constructor(readonly directory: string) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
  }

  newId(): string {
    return `att_${randomBytes(18).toString('base64url')}`;
  }

  isId(value: string): boolean {
    return ID_PATTERN.test(value);
  }

  partPath(id: string): string {
    return join(this.directory, `${id}.part`);
  }

  path(id: string): string {
    if (!this.isId(id)) throw new Error('not an attachment id');
    return join(this.directory, id);
  }

  async commit(id: string): Promise<void> {
    await rename(this.partPath(id), this.path(id));
  }

  async discard(id: string): Promise<void> {
    await rm(this.partPath(id), { force: true });
    await rm(this.path(id), { force: true });
  }

  /** Deletes abandoned uploads: unlinked rows older than `retentionMs`, and stray files as old. */
  async sweep(store: RequestStore, now: Date, retentionMs: number, log: FastifyBaseLogger): Promise<number> {
    const before = new Date(now.getTime() - retentionMs);
    let deleted = 0;
    for (const attachment of await store.abandonedAttachments(before)) {
      if (await store.deleteAbandonedAttachment(attachment.id)) {
        await this.discard(attachment.id);
        deleted++;
      }
    }
    for (const name of await readdir(this.directory)) {
      const id = name.replace(/\.part$/, '');
      if (!this.isId(id)) continue;
      const info = await stat(join(this.directory, name)).catch(() => undefined);
      if (!info || info.mtime > before) continue;
      if (name.endsWith('.part') || !(await store.getAttachment(id))) {
        await rm(join(this.directory, name), { force: true });
        deleted++;
      }
    }
    if (deleted) log.info({ deleted }, 'abandoned attachments deleted');
    return deleted;
  }
}
