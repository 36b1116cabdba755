import type { ChalkInstance } from 'chalk';

/** Colour functions, chalk's API: `style.bold.red(text)`. */
export type Style = ChalkInstance;

/**
 * The colourless style: every chain of styles returns its text unchanged, as chalk does at
 * level 0. Pipes and NO_COLOR use it, so they never load chalk (~8 ms of each start,
 * with node:tty behind it).
 */
export const plainStyle: Style = (() => {
  const handler: ProxyHandler<(...args: unknown[]) => string> = {
    // Not a thenable (`await` would wait for ever) and no symbol tricks: only style names chain.
    get: (_target, prop) => (prop === 'level' ? 0 : prop === 'then' || typeof prop === 'symbol' ? undefined : proxy),
    apply: (_target, _this, args: unknown[]) => args.join(' '),
  };
  const proxy: unknown = new Proxy((..._args: unknown[]) => '', handler);
  return proxy as Style;
})();

/** The style for a run: chalk at 16 colours when colour is on, else plainStyle. */
export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
