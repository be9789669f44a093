/**
 * The forms this endpoint serves: every `{id}.json` of the forms directory that core's
 * `loadDefinition` accepts. A broken definition is logged by file name with its problems and
 * skipped; the others are still served. With `watch`, the directory is watched: a new or changed
 * file is served without a restart, a broken edit keeps the file's last good version (and the log
 * says why), a removed file's form is withdrawn.
 *
 * Every version served is kept in the store (`remember`), so a citizen who opened version 1.2.0
 * and sends after the authority published 1.3.0 is checked against 1.2.0, on any instance.
 */
import { watch as watchDirectory, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { loadDefinition, compileRuntimeValidators, createValidator, joinPointer, isLanguage } from '@guichet/core';
import type { Field, FieldError, FormModel, Language, ValidateOptions } from '@guichet/core';
import type { Store } from './store/types.js';
import { compileStandalone } from '@guichet/core/standalone';

export interface FileField {
  /** As in `ui.fields`: "photo", "applicant/idCard". */
  path: string;
  accept: string[];
  maxSize?: number;
}

export interface FormEntry {
  id: string;
  model: FormModel;
  /** The definition exactly as read from its file. */
  definition: unknown;
  validate(data: unknown, options: ValidateOptions): FieldError[];
  /** The answers as validated: inactive fields and empty values removed. */
  clean(data: unknown): Record<string, unknown>;
  fileFields: FileField[];
  /** The standalone validator module, compiled on first use and kept. */
  standaloneValidator(): Promise<string>;
}

export interface CatalogueOptions {
  /** Follow changes to the directory (default false). */
  watch?: boolean;
  /** How long the directory must stay quiet before it is read again (an editor saves in several writes). */
  settleMs?: number;
}

/** One file as last read: its text, and the form it last defined correctly, if ever. */
interface FileState {
  text: string;
  entry: FormEntry | undefined;
}

export class FormCatalogue {
  private forms = new Map<string, FormEntry>();
  private readonly files = new Map<string, FileState>();
  private watcher?: FSWatcher;
  private settle?: NodeJS.Timeout;
  private reading: Promise<void> = Promise.resolve();
  /** Earlier versions read back from the store, compiled once per instance. */
  private readonly earlier = new Map<string, Promise<FormEntry | undefined>>();

  private constructor(
    private readonly directory: string,
    private readonly log: FastifyBaseLogger,
    private readonly settleMs: number,
  ) {}

  static async load(directory: string, log: FastifyBaseLogger, options: CatalogueOptions = {}): Promise<FormCatalogue> {
    const catalogue = new FormCatalogue(directory, log, options.settleMs ?? 150);
    await catalogue.reload();
    log.info({ forms: [...catalogue.forms.keys()] }, 'forms loaded');
    if (options.watch) catalogue.watch();
    return catalogue;
  }

  /**
   * Keeps the definition of every version served now, unless that version is kept already. The
   * same version number over another text is logged: the text kept first is the one late
   * submissions of that version are checked against.
   */
  async remember(store: Store, now: Date): Promise<void> {
    for (const form of this.forms.values()) {
      const text = JSON.stringify(form.definition);
      const kept = await store.transaction((tx) =>
        tx.formVersions.putIfMissing(form.id, form.model.version, text, now),
      );
      if (kept !== text) {
        this.log.warn(
          { formId: form.id, version: form.model.version },
          'form changed without a new version number: give it one, so submissions of the earlier text stay checkable',
        );
      }
    }
  }

  /**
   * Version `version` of form `id`: the one served now, or an earlier one kept in the store;
   * undefined when this endpoint never served it (or can no longer read it).
   */
  async version(store: Store, id: string, version: string): Promise<FormEntry | undefined> {
    const current = this.forms.get(id);
    if (!current) return undefined;
    if (current.model.version === version) return current;
    const key = `${id}\0${version}`;
    let entry = this.earlier.get(key);
    if (!entry) {
      const text = await store.formVersions.get(id, version);
      // Only versions the store knows are cached: a client cannot fill memory with made-up ones.
      if (text === undefined) return undefined;
      entry = buildEntry(JSON.parse(text), { file: `${id}@${version} (kept)` }, this.log);
      this.earlier.set(key, entry);
    }
    const found = await entry;
    return found?.id === id ? found : undefined;
  }

  get(id: string): FormEntry | undefined {
    return this.forms.get(id);
  }

  all(): FormEntry[] {
    return [...this.forms.values()];
  }

  /** Reads the directory again now; resolves once the catalogue reflects it. */
  reload(): Promise<void> {
    this.reading = this.reading.then(() => this.read());
    return this.reading;
  }

  close(): void {
    clearTimeout(this.settle);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private watch(): void {
    try {
      this.watcher = watchDirectory(this.directory, () => {
        clearTimeout(this.settle);
        this.settle = setTimeout(() => void this.reload(), this.settleMs);
      });
      this.watcher.on('error', (error) => {
        this.log.error({ formsDir: this.directory, err: error }, 'stopped watching the forms directory');
        this.close();
      });
      this.watcher.unref();
    } catch (error) {
      this.log.warn(
        { formsDir: this.directory, err: error },
        'the forms directory cannot be watched: restart to pick up changes',
      );
    }
  }

  private async read(): Promise<void> {
    const first = this.files.size === 0 && this.forms.size === 0;
    let names: string[];
    try {
      names = (await readdir(this.directory)).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      if (first)
        this.log.error({ formsDir: this.directory, err: error }, 'forms directory unreadable: no form is served');
      else
        this.log.error(
          { formsDir: this.directory, err: error },
          'forms directory unreadable: the forms already loaded stay served',
        );
      return;
    }
    for (const file of [...this.files.keys()]) {
      if (names.includes(file)) continue;
      const gone = this.files.get(file)?.entry;
      this.files.delete(file);
      if (gone) this.log.info({ file, formId: gone.id }, 'form removed: its file is gone');
    }
    for (const file of names) {
      let text: string;
      try {
        text = await readFile(join(this.directory, file), 'utf8');
      } catch {
        continue; // Removed between the listing and the read: the next event says so.
      }
      const previous = this.files.get(file);
      if (previous?.text === text) continue;
      const entry = await loadForm(text, file, this.log, previous?.entry !== undefined);
      this.files.set(file, { text, entry: entry ?? previous?.entry });
      if (entry && previous) this.log.info({ file, formId: entry.id, version: entry.model.version }, 'form updated');
      else if (entry && !first) this.log.info({ file, formId: entry.id }, 'form added');
    }
    const forms = new Map<string, FormEntry>();
    for (const file of names) {
      const entry = this.files.get(file)?.entry;
      if (!entry) continue;
      if (forms.has(entry.id)) {
        this.log.error({ file, formId: entry.id }, 'form skipped: another file already defines this id');
        continue;
      }
      forms.set(entry.id, entry);
    }
    this.forms = forms;
  }
}

/**
 * One definition file, checked and compiled; undefined (and logged) when it cannot be served.
 * `kept`: an earlier version of this file is served meanwhile, which the log says.
 */
async function loadForm(
  text: string,
  file: string,
  log: FastifyBaseLogger,
  kept: boolean,
): Promise<FormEntry | undefined> {
  const outcome = kept ? 'its last good version is still served' : 'form skipped';
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    log.error({ file, reason: (error as Error).message }, `${outcome}: the file is not readable JSON`);
    return undefined;
  }
  return buildEntry(definition, { file, outcome }, log);
}

async function buildEntry(
  definition: unknown,
  { file, outcome = 'form skipped' }: { file: string; outcome?: string },
  log: FastifyBaseLogger,
): Promise<FormEntry | undefined> {
  const loaded = loadDefinition(definition);
  if (!loaded.ok) {
    // In the definition's own language, the one its author reads; the count ends the report.
    const declared = (definition as { lang?: unknown }).lang;
    const lang: Language = isLanguage(declared) ? declared : 'fr';
    const problems = loaded.error.problems.map((p) => `${p.pointer || '/'} ${p.code}: ${p.message[lang]}`);
    const count = problems.length;
    log.error(
      { file, lang, problems, problemCount: count },
      `${outcome}: its definition has ${count} problem${count > 1 ? 's' : ''}`,
    );
    return undefined;
  }
  const model = loaded.model;
  if (file.endsWith('.json') && file !== `${model.id}.json`)
    log.warn({ file, formId: model.id }, 'form file name differs from its id; served under its id');
  let validator;
  try {
    validator = createValidator(model, await compileRuntimeValidators(model));
  } catch (error) {
    log.error({ file, reason: (error as Error).message }, `${outcome}: its schema does not compile`);
    return undefined;
  }
  let standalone: Promise<string> | undefined;
  return {
    id: model.id,
    model,
    definition,
    validate: (data, options) => validator.validate(data, options),
    clean: (data) => validator.activeData(data),
    fileFields: collectFileFields(model.fields),
    standaloneValidator() {
      standalone ??= compileStandalone(definition as FormModel['definition']).catch((error: unknown) => {
        standalone = undefined;
        throw error;
      });
      return standalone;
    },
  };
}

function collectFileFields(fields: Field[]): FileField[] {
  const found: FileField[] = [];
  for (const field of fields) {
    if (field.kind === 'file') {
      found.push({
        path: field.path,
        accept: field.constraints.accept ?? [],
        ...(field.constraints.maxSize === undefined ? {} : { maxSize: field.constraints.maxSize }),
      });
    }
    if (field.fields) found.push(...collectFileFields(field.fields));
  }
  return found;
}

export interface AttachmentReference {
  /** JSON pointer of the value in the data. */
  pointer: string;
  field: string;
  id: string;
}

/** The attachment ids that file fields of (already validated) data refer to, with where they are. */
export function attachmentReferences(fields: Field[], data: unknown, pointer = ''): AttachmentReference[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const found: AttachmentReference[] = [];
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field.name];
    if (value === undefined) continue;
    const at = joinPointer(pointer, field.name);
    if (field.kind === 'file') {
      if (typeof value === 'string') found.push({ pointer: at, field: field.path, id: value });
      else if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (typeof item === 'string') found.push({ pointer: `${at}/${index}`, field: field.path, id: item });
        });
      }
    } else if (field.fields) {
      if (Array.isArray(value))
        value.forEach((item, index) => found.push(...attachmentReferences(field.fields!, item, `${at}/${index}`)));
      else found.push(...attachmentReferences(field.fields, value, at));
    }
  }
  return found;
}

/** Whether a detected media type is one a field accepts ("image/*" covers "image/png"). */
export function acceptsType(accept: string[], type: string): boolean {
  if (accept.length === 0) return true;
  return accept.some(
    (pattern) => pattern === type || (pattern.endsWith('/*') && type.startsWith(pattern.slice(0, -1))),
  );
}
