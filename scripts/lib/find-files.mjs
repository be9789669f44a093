import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` whose path ends with `suffix`, skipping node_modules and folders in `exclude`. */
export function findFiles(dir, suffix, exclude = []) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((entry) => join(dir, entry))
    .filter(
      (path) => path.endsWith(suffix) && !path.includes('node_modules') && !exclude.some((e) => path.startsWith(e)),
    )
    .sort();
}
