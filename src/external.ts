/**
 * Imports a dependency that stays outside the bundle (env-paths, jsonc-parser, csv-parse,
 * csv-stringify, node:tty). The launcher runs the bundle through V8's code cache with
 * vm.Script, whose code cannot call import() in Node 20 without an experimental flag, so
 * the launcher lends its own import(); elsewhere (tests, a plain require) the native one runs.
 */
type Importer = (specifier: string) => Promise<unknown>;
const slot = globalThis as { __purgesImport?: Importer };

/** Lends an import() that works, for code that runs where its own cannot (see launch.ts). */
export function lendImport(importer: Importer): void {
  slot.__purgesImport = importer;
}

/** Imports an external module through the lent import(), or the native one. */
export function importExternal<T>(specifier: string): Promise<T> {
  return (slot.__purgesImport ? slot.__purgesImport(specifier) : import(specifier)) as Promise<T>;
}
