import envPaths from 'env-paths';
import { describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/kb/cache-dir.js';

describe('cacheRoot', () => {
  it('is the cache folder env-paths names, or $PURGES_HOME/cache', () => {
    const env = { ...process.env, PURGES_HOME: undefined };
    expect(cacheRoot(env)).toBe(envPaths('purges', { suffix: '' }).cache);
    expect(cacheRoot({ PURGES_HOME: '/somewhere' })).toBe('/somewhere/cache');
  });

  it('follows each platform the way env-paths does', () => {
    expect(cacheRoot({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/purges');
    expect(cacheRoot({ HOME: '/home/u', XDG_CACHE_HOME: '/xdg' }, 'linux')).toBe('/xdg/purges');
    expect(cacheRoot({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Caches/purges');
    expect(cacheRoot({ LOCALAPPDATA: '/appdata' }, 'win32')).toMatch(/appdata.purges.Cache$/);
  });
});
