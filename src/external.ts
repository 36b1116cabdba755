/**
 * Imports a dependency that stays outside the bundle (inquirer, env-paths, jsonc-parser,
 * csv-stringify, node:tty). The launcher runs the bundle through V8's code cache with
 * vm.Script, whose code cannot call import() in Node 20 without an experimental flag, so
 * the launcher lends its own import(); elsewhere (tests, a plain require) the native one runs.
 */
export function importExternal<T>(specifier: string): Promise<T> {
  const lent = (globalThis as { __purgesImport?: (s: string) => Promise<unknown> }).__purgesImport;
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
