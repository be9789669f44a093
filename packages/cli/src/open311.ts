import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefinition, type FormModel, type Language } from '@guichet/core';
import { loadServiceForm } from '@guichet/core/open311';

export interface ServiceSource {
  /** The GeoReport v2 base URL. */
  endpoint: string;
  serviceCode: string;
  jurisdictionId?: string;
  /** The language to ask the server's texts in. */
  lang: Language;
}

/**
 * The form definition <guichet-form adapter="open311" service="…"> builds in the page, written
 * to `{out}/{id}.json` so a web team can refine it (steps, help, translations, contact) and serve
 * it with `src`. Rejects with the server's refusal (an `EndpointError`) as the element would.
 */
export async function writeServiceForm(
  source: ServiceSource,
  outDir: string,
): Promise<{ file: string; model: FormModel }> {
  const definition = await loadServiceForm({
    endpoint: source.endpoint,
    serviceCode: source.serviceCode,
    lang: source.lang,
    ...(source.jurisdictionId ? { jurisdictionId: source.jurisdictionId } : {}),
  });
  const result = loadDefinition(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${definition.id}.json`);
  await writeFile(file, `${JSON.stringify(definition, null, 2)}\n`);
  return { file, model: result.model };
}
