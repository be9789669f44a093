/** Writes `name.br` and `name.gz` beside every script and style sheet under `dist`. */
export function writeCompressedCopies(dist: string): void;
