// The settings form as a seller meets it: messages in each field's own unit, a region the app can
// read numbers for, no stale test result after saving, and keyboard focus kept where it was.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from './support/session';

const session = useE2eSession();

async function openSettings(opts: { dataDir?: string } = {}): Promise<Page> {
  const host = await session.start(opts);
  const page = await session.browser.newPage();
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Réglages', exact: true }).click();
  await expect.poll(() => page.getByLabel('Serveur WebSocket').count()).toBe(1);
  return page;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('settings form', () => {
  it('words whole-number errors in the field’s unit and refuses a region it cannot read numbers for', async () => {
    const page = await openSettings();
    await page.getByLabel('Durée de sonnerie (s)').fill('200');
    await page.getByLabel('Aperçu avant appel (s)').fill('2,5');
    await page.getByLabel('Région par défaut').fill('XX');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await expect.poll(() => page.getByText('Choisissez une valeur entre 5 et 120 s.').count()).toBe(1);
    expect(await page.getByText('Saisissez un nombre entier de secondes.').count()).toBe(1);
    expect(
      await page.getByText('Ce code ne désigne pas un pays dont Relance sait lire les numéros de téléphone').count(),
    ).toBe(1);
    expect(await page.getByText('Saisissez un nombre entier de millisecondes.').count()).toBe(0);
    await page.close();
  });

  it('drops « Réglages incomplets » once the server is saved, and keeps focus on the test button', async () => {
    const page = await openSettings();
    const test = page.getByRole('button', { name: 'Tester la connexion' });
    await test.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/^Réglages incomplets : Indiquez le serveur du standard/).count()).toBe(1);
    expect(await focusedText(page)).toBe('Tester la connexion');

    await page.getByLabel('Serveur WebSocket').fill('ws://127.0.0.1:9/ws');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await expect.poll(() => page.getByText('Réglages enregistrés.').count()).toBe(1);
    expect(await page.getByText(/^Réglages incomplets/).count()).toBe(0);
    await page.close();
  });

  it('says what « Nom affiché » and « Personnalisées » rules mean for the seller', async () => {
    const page = await openSettings();
    const description = await page.getByLabel('Nom affiché').evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain('responsable des prospects que vous créez, auteur de vos notes et rappels');

    // « Personnalisées » says where its file goes and what applies without it.
    await page.getByLabel("Règles d'appel").selectOption('custom');
    await expect.poll(() => page.getByText(/^Le fichier calling-rules\.json du dossier de données/).count()).toBe(1);
    await page.getByLabel("Règles d'appel").selectOption('FR');
    expect(await page.getByText(/^Le fichier calling-rules\.json/).count()).toBe(0);
    await page.close();
  });

  it('keeps focus on the language select when the language is switched from the keyboard', async () => {
    const page = await openSettings();
    await page.getByLabel('Langue').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByLabel('Language').count()).toBe(1);
    expect(await focusedId(page)).toBe('settings-locale');
    await page.close();
  });

  it('says next to the region that a saved « XX » was ignored, until the default is kept', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'relance-e2e-ignored-'));
    const settingsFile = join(dataDir, 'settings.json');
    await writeFile(settingsFile, JSON.stringify({ schemaVersion: 1, overrides: { defaultRegion: 'XX' } }));
    const page = await openSettings({ dataDir });
    const notice =
      'La valeur enregistrée « XX » a été ignorée. Ce code ne désigne pas un pays dont Relance sait lire les ' +
      "numéros de téléphone (par exemple FR, BE ou CH). La valeur par défaut (FR) s'applique.";
    await expect.poll(() => page.getByText(notice, { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Région par défaut').getAttribute('aria-describedby')).toContain(
      'settings-defaultRegion-ignored',
    );
    expect(await page.getByRole('heading', { name: 'Réglages enregistrés ignorés' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Garder la valeur par défaut' }).click();
    await expect.poll(() => page.getByText(notice, { exact: true }).count()).toBe(0);
    expect(await focusedId(page)).toBe('settings-defaultRegion');
    expect(await page.getByRole('heading', { name: 'Réglages enregistrés ignorés' }).count()).toBe(0);
    const saved = JSON.parse(await readFile(settingsFile, 'utf8')) as { overrides: Record<string, unknown> };
    expect(saved.overrides).not.toHaveProperty('defaultRegion');
    await page.close();
  });
});
