import { randomBytes } from 'node:crypto';
import type { Lead } from '../../shared/domain/lead';

export const UNDO_MS = 10 * 60_000;

/**
 * Deleted leads kept in memory for a while so a delete can be undone exactly. In memory on
 * purpose: after a restart the delete is final, as the user was told when confirming.
 */
export class UndoTokens {
  readonly #held = new Map<string, { lead: Lead; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = UNDO_MS,
  ) {}

  hold(lead: Lead): { undoToken: string; expiresAt: string } {
    this.#purge();
    const undoToken = randomBytes(16).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.#held.set(undoToken, { lead, expiresAt });
    return { undoToken, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The held lead (once: the token is spent), or undefined if unknown or expired. */
  take(token: string): Lead | undefined {
    this.#purge();
    const held = this.#held.get(token);
    this.#held.delete(token);
    return held?.lead;
  }

  /** Puts a taken lead back when restoring it failed, so the user can retry. */
  giveBack(token: string, lead: Lead): void {
    this.#held.set(token, { lead, expiresAt: this.now() + this.ttlMs });
  }

  #purge(): void {
    const now = this.now();
    for (const [token, held] of this.#held) if (held.expiresAt <= now) this.#held.delete(token);
  }
}
