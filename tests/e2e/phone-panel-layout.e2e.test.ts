// The phone panel stays on screen on a long page: the seller scrolls a lead's timeline or types a
// note at the bottom of the page and still has the call card (hang up, mute) in view.
import { describe, expect, it } from 'vitest';
import { openApp, personDraft, rpcFromPage } from './support/leads-page';
import { useE2eSession } from './support/session';

const session = useE2eSession();

describe('phone panel layout in the web host', () => {
  it('stays inside the window when a long lead page is scrolled to its bottom', async () => {
    const host = await session.start();
    const viewport = { width: 1280, height: 720 };
    const { page, cspViolations } = await openApp(session.browser, host, { viewport });
    const lead = await rpcFromPage<{ id: string }>(
      page,
      host,
      'leads.create',
      personDraft('Élodie', 'Martin', '+33612345678', '06 12 34 56 78'),
    );
    // Enough timeline entries to make the page several windows tall.
    for (let n = 1; n <= 40; n++) {
      await rpcFromPage(page, host, 'leads.addNote', { id: lead.id, text: `Relance n° ${n} : pas de réponse.` });
    }
    await page.evaluate((id) => (window.location.hash = `#/leads/${id}`), lead.id);
    await expect.poll(() => page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Relance n° 40 : pas de réponse.').count()).toBe(1);

    const panel = page.getByRole('complementary', { name: 'Téléphone' });
    const layout = () =>
      page.evaluate(() => {
        const box = document.querySelector('aside.phone')!.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, scrollY: window.scrollY, pageHeight: document.body.scrollHeight };
      });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const scrolled = await layout();
    // The page really is long and really did scroll, so the check below means something.
    expect(scrolled.pageHeight).toBeGreaterThan(2 * viewport.height);
    expect(scrolled.scrollY).toBeGreaterThan(viewport.height);
    // Within a pixel: the layout rounds to fractions of a pixel (sticky at -0.06 px).
    expect(scrolled.top).toBeGreaterThanOrEqual(-1);
    expect(scrolled.bottom).toBeLessThanOrEqual(viewport.height + 1);
    expect(await panel.isVisible()).toBe(true);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });
});
