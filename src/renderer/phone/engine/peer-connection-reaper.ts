// Chromium refuses a page's 501st RTCPeerConnection until closed ones are garbage-collected, and
// closed connections weigh nothing on the JS heap, so V8 has no reason to collect them
// (crbug.com/825576). Measured in Chromium 156: 500 created and closed, the next throws
// "Cannot create so many PeerConnections"; 20 s idle changes nothing; one full collection frees
// them all (29 ms). A softphone makes a connection per call plus a warm one every minute, so a
// power-dialer day or eight idle hours reached the wall. The shells start the page with
// `--js-flags=--expose-gc`; the reaper asks for a full collection in an idle moment every
// `every` connections, and counts, through a FinalizationRegistry, those still not collected.

export interface PeerConnectionReaperDeps {
  /** `globalThis.gc` when the page has it (Electron shell, test Chromium), else undefined. */
  collect: (() => void) | undefined;
  /** Runs `fn` when the page is idle (requestIdleCallback), soon in any case. */
  whenIdle: (fn: () => void) => void;
  warn: (message: string) => void;
  /** Collect after this many new connections (default 50). */
  every?: number;
  /** Without `collect`, warn once this many are still uncollected (default 400 of Chromium's 500). */
  warnAt?: number;
}

export interface PeerConnectionCounts {
  created: number;
  /** Created and not yet garbage-collected: Chromium's limit counts these. */
  uncollected: number;
  collections: number;
}

export class PeerConnectionReaper {
  readonly #deps: PeerConnectionReaperDeps;
  readonly #every: number;
  readonly #warnAt: number;
  readonly #registry = new FinalizationRegistry<null>(() => this.#uncollected--);
  #created = 0;
  #uncollected = 0;
  #sinceCollection = 0;
  #collections = 0;
  #scheduled = false;
  #warned = false;

  constructor(deps: PeerConnectionReaperDeps) {
    this.#deps = deps;
    this.#every = deps.every ?? 50;
    this.#warnAt = deps.warnAt ?? 400;
  }

  /** A new connection exists (it counts against the limit until collected). */
  track(pc: object): void {
    this.#registry.register(pc, null);
    this.#created++;
    this.#uncollected++;
    this.#sinceCollection++;
    const collect = this.#deps.collect;
    if (!collect) {
      if (!this.#warned && this.#uncollected >= this.#warnAt) {
        this.#warned = true;
        this.#deps.warn(
          `${this.#uncollected} peer connections wait for garbage collection and the page cannot force it; ` +
            'Chromium refuses new calls at 500: reload the page between sessions',
        );
      }
      return;
    }
    if (this.#sinceCollection < this.#every || this.#scheduled) return;
    this.#scheduled = true;
    this.#deps.whenIdle(() => {
      this.#scheduled = false;
      this.#sinceCollection = 0;
      this.#collections++;
      collect();
    });
  }

  counts(): PeerConnectionCounts {
    return { created: this.#created, uncollected: this.#uncollected, collections: this.#collections };
  }
}

/** The page's own collector and idle callback. */
export function pageReaper(warn: (message: string) => void): PeerConnectionReaper {
  const gc = (globalThis as { gc?: () => void }).gc;
  return new PeerConnectionReaper({
    collect: typeof gc === 'function' ? () => gc() : undefined,
    whenIdle: (fn) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 0),
    warn,
  });
}
