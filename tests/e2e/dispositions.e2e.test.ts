// Settings > Call outcomes as a sales manager uses it: the dealership's dispositions edited,
// added, reordered and removed in the real app (web host + Chromium), saved with
// `dispositions.update`, and offered by the Calls screen afterwards; leaving with unsaved changes
// asks first, a retry on a do-not-call outcome is refused, and a Calls tab already open takes the
// saved set at once (`dispositions.changed`).
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Disposition } from '../../src/shared/domain/disposition';
import { rpcFromPage } from './support/leads-page';
import { useE2eSession } from './support/session';
import type { WebHostProcess } from './support/web-host-process';

const session = useE2eSession();

/** Settings opened from a fresh page, once its `count` dispositions are listed. */
async function openOutcomes(page: Page, host: WebHostProcess, count: number): Promise<Locator> {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Réglages', exact: true }).click();
  const section = page.getByRole('region', { name: "Issues d'appel" });
  await expect
    .poll(() =>
      section
        .getByRole('listitem')
        .filter({ has: page.locator('.disposition-row') })
        .count(),
    )
    .toBe(count);
  return section;
}

const row = (section: Locator, key: string) => section.locator(`[data-disposition="${key}"]`);
const labels = (section: Locator) => section.locator('.disposition-label').allTextContents();
/** Each row's key badge, top to bottom ('' for none). */
const badges = (section: Locator) =>
  section
    .locator('.disposition-row .disposition-key')
    .evaluateAll((keys) => keys.map((k) => k.querySelector('kbd')?.textContent ?? ''));
const list = (page: Page, host: WebHostProcess) => rpcFromPage<Disposition[]>(page, host, 'dispositions.list', {});

/** Whether the page would ask before a reload or a closed tab (its `beforeunload` is cancelled). */
const asksBeforeUnload = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

describe('call outcomes in Settings', () => {
  it('edits a label and a retry delay, adds one, saves, shows it after a reload and on the Calls screen, removes it', async () => {
    const host = await session.start();
    const page = await session.browser.newPage();
    let section = await openOutcomes(page, host, 11);
    expect((await labels(section))[0]).toBe('Répondu');
    // Listed in the wrap-up form's order (the line's outcomes last): the keys read down the list.
    expect(await badges(section)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '']);
    expect(
      await row(section, 'no-answer')
        .getByRole('button', { name: 'Monter « Pas de réponse »' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
    expect(await row(section, 'no-answer').textContent()).toContain(
      "nouvel essai automatique dans 2 h, jusqu'à 3 appels",
    );
    // The line's own outcomes cannot be removed; the others can.
    expect(
      await row(section, 'busy')
        .getByRole('button', { name: /^Supprimer/ })
        .count(),
    ).toBe(0);
    expect(await row(section, 'sold').getByRole('button', { name: 'Supprimer « Vendu »' }).count()).toBe(1);

    await section.getByRole('button', { name: 'Modifier « Répondu »' }).click();
    await row(section, 'answered').getByLabel('Libellé en français').fill('Répondu – intéressé');
    await section.getByRole('button', { name: 'Modifier « Pas de réponse »' }).click();
    const noAnswer = row(section, 'no-answer');
    await noAnswer.getByLabel('Délai avant de rappeler').fill('45');
    await noAnswer.getByLabel('Unité du délai').selectOption('minutes');
    // The do-not-call switch says what it does before it is ticked.
    expect(await noAnswer.getByText(/retire aussitôt le consentement du prospect/).count()).toBe(1);

    await section.getByRole('button', { name: 'Ajouter une issue' }).click();
    const added = row(section, 'new-1');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[data-disposition]')?.getAttribute('data-disposition')),
      )
      .toBe('new-1');
    await added.getByLabel('Libellé en français').fill('Essai à refaire');
    await added.getByLabel('Libellé en anglais').fill('Test drive to redo');
    expect(await added.textContent()).toContain(
      'Code technique (exports JSON, fichier dispositions.json), tiré du libellé français : essai-a-refaire',
    );
    await added.getByLabel('Rappeler le prospect plus tard').check();
    await added.getByLabel('Délai avant de rappeler').fill('abc');
    await section.getByRole('button', { name: 'Enregistrer les issues' }).click();
    // Checked before sending: nothing is saved while a field is wrong.
    await expect.poll(() => added.getByText('Saisissez un nombre entier.').count()).toBe(1);
    expect((await list(page, host)).map((d) => d.labels.fr)).not.toContain('Essai à refaire');

    await added.getByLabel('Délai avant de rappeler').fill('3');
    await added.getByLabel("Nombre d'appels au maximum").fill('2');
    await section.getByRole('button', { name: 'Monter « Essai à refaire »' }).click();
    await section.getByRole('button', { name: 'Enregistrer les issues' }).click();
    await expect.poll(() => section.getByText("Issues d'appel enregistrées.").count()).toBe(1);

    const saved = await list(page, host);
    expect(saved[0]!.labels.fr).toBe('Répondu – intéressé');
    expect(saved.find((d) => d.id === 'no-answer')!.retry).toEqual({ afterMinutes: 45, maxAttempts: 3 });
    // Added after the seller's outcomes (before the line's), then moved above « Vendu ».
    expect(saved.map((d) => d.id).slice(5, 9)).toEqual(['refused', 'essai-a-refaire', 'sold', 'no-answer']);
    expect(saved.find((d) => d.id === 'essai-a-refaire')).toMatchObject({
      id: 'essai-a-refaire',
      labels: { fr: 'Essai à refaire', en: 'Test drive to redo' },
      retry: { afterMinutes: 180, maxAttempts: 2 },
      stage: null,
      doNotCall: false,
    });

    // A fresh page reads them back from core.
    section = await openOutcomes(page, host, 12);
    expect(await labels(section)).toContain('Essai à refaire');
    expect((await labels(section))[0]).toBe('Répondu – intéressé');
    expect(await row(section, 'essai-a-refaire').textContent()).toContain(
      "nouvel essai automatique dans 3 h, jusqu'à 2 appels",
    );
    expect(await row(section, 'no-answer').textContent()).toContain(
      "nouvel essai automatique dans 45 min, jusqu'à 3 appels",
    );

    // The Calls screen offers it.
    await page.getByRole('link', { name: 'Appels', exact: true }).click();
    const filter = page.getByLabel('Issue', { exact: true });
    await expect.poll(() => filter.locator('option').allTextContents()).toContain('Essai à refaire');

    // "Annuler" drops edits; removing asks first and counts once saved.
    await page.getByRole('link', { name: 'Réglages', exact: true }).click();
    section = page.getByRole('region', { name: "Issues d'appel" });
    await expect.poll(() => labels(section)).toContain('Essai à refaire');
    await section.getByRole('button', { name: 'Modifier « Vendu »' }).click();
    await row(section, 'sold').getByLabel('Libellé en français').fill('Vendu !');
    await section.getByRole('button', { name: 'Annuler' }).click();
    expect(await row(section, 'sold').locator('.disposition-label').textContent()).toBe('Vendu');

    await section.getByRole('button', { name: 'Supprimer « Essai à refaire »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer « Essai à refaire » ?' });
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => labels(section)).not.toContain('Essai à refaire');
    // Before saving, the keys that will change are said (a seller's « 7 » becomes « Vendu »).
    await expect
      .poll(() => section.locator('.disposition-key-changes').textContent())
      .toBe(
        "Les touches du formulaire de fin d'appel changeront à l'enregistrement : « Vendu » passe de 8 à 7, " +
          '« Pas de réponse » passe de 9 à 8 et « Occupé » prend la touche 9. Prévenez les vendeurs.',
      );
    expect(await section.getByRole('button', { name: 'Enregistrer les issues' }).getAttribute('aria-describedby')).toBe(
      await section.locator('.disposition-key-changes').getAttribute('id'),
    );
    await section.getByRole('button', { name: 'Enregistrer les issues' }).click();
    await expect.poll(() => section.getByText("Issues d'appel enregistrées.").count()).toBe(1);
    expect((await list(page, host)).map((d) => d.id)).not.toContain('essai-a-refaire');
    await page.close();
  });

  it('asks before leaving unsaved changes, refuses a retry on a do-not-call outcome, and another tab takes the saved set', async () => {
    const host = await session.start();
    // The other window: the Calls screen, open before the set changes and never reloaded.
    const calls = await session.browser.newPage();
    await calls.goto(host.url);
    await calls.getByRole('link', { name: 'Appels', exact: true }).click();
    const filter = calls.getByLabel('Issue', { exact: true });
    await expect.poll(() => filter.locator('option').allTextContents()).toContain('Vendu');

    const page = await session.browser.newPage();
    const section = await openOutcomes(page, host, 11);
    const leave = page.getByRole('dialog', { name: 'Abandonner les modifications des issues ?' });
    const menuLink = page.getByRole('navigation').getByRole('link', { name: 'Appels' });
    await expect.poll(() => asksBeforeUnload(page)).toBe(false);

    // A label typed back as it was is no change: nothing to ask.
    await section.getByRole('button', { name: 'Modifier « Vendu »' }).click();
    const sold = row(section, 'sold').getByLabel('Libellé en français');
    await sold.fill('Vendu !');
    await expect.poll(() => asksBeforeUnload(page)).toBe(true);
    await sold.fill('Vendu');
    await expect.poll(() => asksBeforeUnload(page)).toBe(false);

    // Unsaved, the side menu asks; "Continuer la saisie" stays on Settings with the text.
    await section.getByRole('button', { name: 'Ajouter une issue' }).click();
    const added = row(section, 'new-1');
    await added.getByLabel('Libellé en français').fill('Reprise chiffrée');
    await added.getByLabel('Libellé en anglais').fill('Trade-in quoted');
    await expect.poll(() => asksBeforeUnload(page)).toBe(true);
    await menuLink.click();
    await expect.poll(() => leave.count()).toBe(1);
    await leave.getByRole('button', { name: 'Continuer la saisie' }).click();
    await expect.poll(() => leave.count()).toBe(0);
    expect(page.url()).toMatch(/#\/settings$/);
    expect(await added.getByLabel('Libellé en français').inputValue()).toBe('Reprise chiffrée');

    // A retry and "do not call" on one outcome: refused on its retry switch, nothing sent.
    const retry = added.getByLabel('Rappeler le prospect plus tard');
    const doNotCall = added.getByLabel("Ne plus appeler (liste d'opposition)");
    await retry.check();
    await doNotCall.check();
    await section.getByRole('button', { name: 'Enregistrer les issues' }).click();
    await expect.poll(() => added.getByText(/^Impossible avec « Ne plus appeler » coché/).count()).toBe(1);
    expect(await retry.getAttribute('aria-invalid')).toBe('true');
    expect((await list(page, host)).map((d) => d.id)).not.toContain('reprise-chiffree');
    await doNotCall.uncheck();
    await expect.poll(() => added.getByText(/^Impossible avec/).count()).toBe(0);

    // Saved: nothing left to ask about, and the Calls tab offers it without a reload.
    await section.getByRole('button', { name: 'Enregistrer les issues' }).click();
    await expect.poll(() => section.getByText("Issues d'appel enregistrées.").count()).toBe(1);
    await expect.poll(() => asksBeforeUnload(page)).toBe(false);
    await expect.poll(() => filter.locator('option').allTextContents()).toContain('Reprise chiffrée');

    // Unsaved again, agreeing to leave goes where the link pointed and drops the change.
    await section.getByRole('button', { name: 'Modifier « Reprise chiffrée »' }).click();
    await row(section, 'reprise-chiffree').getByLabel('Libellé en français').fill('Reprise à chiffrer');
    await menuLink.click();
    await expect.poll(() => leave.count()).toBe(1);
    await leave.getByRole('button', { name: 'Abandonner les modifications' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/calls$/);
    expect((await list(page, host)).find((d) => d.id === 'reprise-chiffree')?.labels.fr).toBe('Reprise chiffrée');
    await calls.close();
    await page.close();
  });
});
