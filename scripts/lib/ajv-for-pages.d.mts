import type { Plugin } from 'esbuild';

export const guichetAjvSource: string;
export const ajvCommonJsDependencies: string[];
export const ajvFromSources: Plugin;
export const fixedOptions: Record<string, boolean>;
export function bundleGuichetAjv(options?: { commonJsExternal?: boolean }): Promise<{ code: string; map: object }>;
