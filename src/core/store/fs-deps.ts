import * as fsp from 'node:fs/promises';

/**
 * The few fs calls whose failures we must survive. Injectable so tests can simulate
 * Windows EPERM/EBUSY on rename without mocking the whole fs module.
 */
export interface FsDeps {
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
}

export const nodeFs: FsDeps = {
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
};
