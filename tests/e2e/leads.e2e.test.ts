// The leads screens as a seller meets them in the built web host: import a French CSV through the
// UI, search by partial phone and by name without accents, open a lead, add a note and a callback,
// and find them again after a restart; and the empty state's sample leads.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { leadsToCsv } from '../../src/core/leads/export/csv-export';
import { generateSampleLeads } from '../../src/core/leads/sample/generate-leads';
import { openApp, personDraft, rpcFromPage } from './support/leads-page';
import { useE2eSession } from './support/session';

const session = useE2eSession();
const start = session.start;

/** As dealer software exports it: Windows-1252, `;`, French headers, one row with a bad number. */
const csv = [
  'Nom;Prénom;Portable;E-mail;Ville;Marque;Modèle',
  'Martin;Élodie;06 12 34 56 78;elodie.martin@example.fr;Lyon;Peugeot;208',
  'Lefèvre;François;+33 7 98 76 54 32;f.lefevre@example.fr;Besançon;Renault;Clio',
  'Durand;Zoé;12;zoe.durand@example.fr;Nantes;Dacia;Sandero',
  '',
].join('\r\n');

const listbox = (page: Page) => page.getByRole('listbox', { name: 'Liste des prospects' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Rechercher un prospect' });
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('leads in the web host', () => {
  it('imports a CSV through the UI, finds, annotates and keeps a lead across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-e2e-csv-'));
    const file = join(dir, 'export-dms.csv');
    await writeFile(file, Buffer.from(csv, 'latin1'));

    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    await page.getByRole('link', { name: 'Importer un fichier' }).first().click();
    // Focus follows each step: the file field, what was detected, then the report (never the body).
    await expect.poll(() => focusedId(page)).toBe('import-file');
    await page.getByLabel('Fichier à importer (CSV ou ADF/XML)').setInputFiles(file);

    // Detected encoding and separator, the first rows, and a guessed mapping per column.
    await expect.poll(() => page.getByText('point-virgule (;)').count()).toBe(1);
    await expect.poll(() => focusedId(page)).toBe('import-detected');
    expect(await page.getByRole('cell', { name: 'Besançon' }).count()).toBe(1);
    expect(await page.getByLabel('Colonne « Prénom »').inputValue()).toBe('firstName');
    expect(await page.getByLabel('Colonne « Portable »').inputValue()).toBe('phoneMobile');

    // A dry run reports without writing; by default one bad row refuses the whole file.
    await page.getByRole('button', { name: "Simuler l'importation" }).click();
    const report = page.getByRole('region', { name: /Simulation/ });
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.getByRole('cell', { name: 'Portable' }).count()).toBe(1);
    // The reason in the screen's language, not the English the CLI prints.
    expect(
      await report.getByRole('cell', { name: /^Le numéro «\s12\s» n'est pas un numéro de téléphone valide$/ }).count(),
    ).toBe(1);
    expect(await report.getByRole('row').count()).toBeGreaterThan(1);
    await expect.poll(() => focusedId(page)).toBe('import-report');
    // The advice to tick the box goes once it is ticked.
    const refusal = report.getByRole('alert');
    expect(await refusal.textContent()).toContain(
      'cochez « Importer les lignes valides et ignorer les lignes en erreur »',
    );
    // No « Nouveaux prospects 0 »: what ticking the box would import, from core's dry run with it.
    await expect
      .poll(() =>
        report
          .getByText('Avec la case cochée, 2 nouveaux prospects seraient importés en ignorant la ligne en erreur.')
          .count(),
      )
      .toBe(1);
    expect(await report.getByRole('term').filter({ hasText: 'Nouveaux prospects' }).count()).toBe(0);

    await page.getByLabel('Importer les lignes valides et ignorer les lignes en erreur').check();
    expect(await refusal.textContent()).not.toContain('cochez');
    expect(await refusal.textContent()).toContain('maintenant cochée');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const done = page.getByRole('region', { name: 'Importation terminée' });
    await expect.poll(() => done.count()).toBe(1);
    await expect.poll(() => focusedId(page)).toBe('import-report');
    expect(await done.getByRole('definition').first().textContent()).toBe('3');
    expect(await figure(page, 'Nouveaux prospects')).toBe('2');
    expect(await figure(page, 'Rejetés')).toBe('1');
    const rejects = page.getByRole('link', { name: 'Télécharger les lignes rejetées (CSV)' });
    expect(await rejects.getAttribute('href')).toMatch(/^blob:/);

    // Search: partial phone digits, then a name typed without its accent.
    await page.getByRole('link', { name: 'Voir les prospects' }).click();
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('2 prospects');
    await search(page).fill('987654');
    await expect
      .poll(() => listbox(page).getByRole('option').allTextContents())
      .toEqual([expect.stringContaining('François Lefèvre')]);
    await search(page).fill('elodie');
    await expect
      .poll(() => listbox(page).getByRole('option').allTextContents())
      .toEqual([expect.stringMatching(/Élodie Martin.*06 12 34 56 78.*Lyon.*Peugeot 208/)]);

    // Enter opens the selected row; `n` goes to the note box, `c` opens the callback form.
    await search(page).press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);
    const leadUrl = new URL(page.url()).hash;
    // Click to call: the number is a phone button (disabled here: no PBX account in this test).
    expect(await page.getByRole('button', { name: 'Appeler le 06 12 34 56 78' }).isDisabled()).toBe(true);
    await page.keyboard.press('n');
    await page.keyboard.type('Veut un essai du 208 samedi matin.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await expect.poll(() => page.getByText('Veut un essai du 208 samedi matin.').count()).toBe(1);

    await page.getByRole('heading', { name: 'Élodie Martin' }).focus();
    await page.keyboard.press('c');
    // A time already gone by is refused in the form, with the reason next to the field.
    await page.getByLabel('Date et heure du rappel').fill('2020-01-15T10:30');
    await page.getByRole('button', { name: 'Enregistrer le rappel' }).click();
    await expect.poll(() => page.getByText('Cette heure est déjà passée', { exact: false }).count()).toBe(1);
    await page.getByLabel('Date et heure du rappel').fill('2030-01-15T10:30');
    await page.getByLabel('Qui rappelle').selectOption('anyone');
    await page.getByLabel('Note du rappel').fill('Confirmer le créneau');
    await page.getByRole('button', { name: 'Enregistrer le rappel' }).click();
    const callbacks = page.getByRole('region', { name: 'Rappels' });
    await expect.poll(() => callbacks.getByText('15/01/2030 10:30').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Marquer comme fait' }).count()).toBe(1);

    // Esc goes back to the list, with the search kept.
    await page.getByRole('heading', { name: 'Élodie Martin' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => search(page).inputValue()).toBe('elodie');
    expect(cspViolations()).toEqual([]);
    await page.close();

    await host.stop();
    const again = await start({ dataDir: host.dataDir });
    const { page: reopened } = await openApp(session.browser, again, { hash: leadUrl });
    await expect
      .poll(() => reopened.getByRole('heading', { name: 'Élodie Martin' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await reopened.getByText('Veut un essai du 208 samedi matin.').count()).toBe(1);
    const reopenedCallbacks = reopened.getByRole('region', { name: 'Rappels' });
    expect(await reopenedCallbacks.getByText('15/01/2030 10:30').count()).toBe(1);
    expect(await reopenedCallbacks.getByText('Confirmer le créneau').count()).toBe(1);
    // From a lead, one click on another page gets there (it used to land on the lead list).
    await reopened.getByRole('link', { name: 'Numéroteur' }).click();
    await expect.poll(() => reopened.getByRole('heading', { level: 1 }).textContent()).toBe('Numéroteur');
    expect(new URL(reopened.url()).hash).toBe('#/dialer');
    await reopened.close();
  });

  it('counts rows merged into a lead of the file or of the store as merged into another lead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-e2e-dup-csv-'));
    const file = join(dir, 'doublons.csv');
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    await rpcFromPage(page, host, 'leads.create', personDraft('Julien', 'André', '+33783574789', '07 83 57 47 89'));
    // Élodie twice in the file (the second row adds her town), Julien matching the stored lead.
    const rows = [
      'Nom;Prénom;Portable;Ville',
      'Martin;Élodie;06 12 34 56 78;',
      'Martin;Élodie;06 12 34 56 78;Lyon',
      'André;Julien;07 83 57 47 89;Nantes',
      '',
    ];
    await writeFile(file, rows.join('\r\n'));
    await page.getByRole('link', { name: 'Importer un fichier' }).first().click();
    await page.getByLabel('Fichier à importer (CSV ou ADF/XML)').setInputFiles(file);
    await expect.poll(() => page.getByText('point-virgule (;)').count()).toBe(1);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Importation terminée' }).count()).toBe(1);
    expect(await figure(page, 'Nouveaux prospects')).toBe('1');
    expect(await figure(page, 'Fusionnés avec un autre prospect')).toBe('2');
    expect(await page.getByText('Fusionnés avec un prospect existant').count()).toBe(0);
    expect(
      await page
        .getByText("d'un prospect déjà enregistré ou d'une ligne plus haut dans le fichier", { exact: false })
        .count(),
    ).toBe(1);
    expect(cspViolations()).toEqual([]);
  });

  it('shows how far a long import has gone: the share of rows read, then the saving', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-e2e-big-csv-'));
    const file = join(dir, 'export-dms-20k.csv');
    const drafts = generateSampleLeads(20_000, { seed: 11, now: new Date('2026-01-15T10:00:00Z') });
    await writeFile(file, leadsToCsv(drafts, { separator: ';' }));
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    await page.getByRole('link', { name: 'Importer un fichier' }).first().click();
    await page.getByLabel('Fichier à importer (CSV ou ADF/XML)').setInputFiles(file);
    await expect.poll(() => page.getByText('point-virgule (;)').count(), { timeout: 20_000 }).toBe(1);

    // Every state the status shows, as the page draws it (an import of 20k rows lasts about a second).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('.import-progress progress');
        const text = document.querySelector('.import-progress .form-status')?.textContent;
        if (!bar || !text) return;
        const state = `${bar.getAttribute('aria-label')}|${bar.hasAttribute('value') ? bar.value : '-'}|${text}`;
        if (seen.at(-1) !== state) seen.push(state);
      }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
    await page.getByLabel('Importer les lignes valides et ignorer les lignes en erreur').check();
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Importation terminée' }).count(), { timeout: 60_000 })
      .toBe(1);
    const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    const label = 'Avancement de l’importation';
    expect(seen[0]).toBe(`${label}|-|Importation en cours…`);
    const partway = seen.filter((s) => /^[^|]+\|0\.\d+\|Lecture des lignes : \d{1,2}\s%$/u.test(s));
    expect(partway.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(`${label}|-|Enregistrement des prospects…`);
    expect(seen.indexOf(partway[0]!)).toBeLessThan(seen.length - 1);
    expect(cspViolations()).toEqual([]);
  });

  it('refuses a spreadsheet at once: says in French to save it as CSV, with no detection or mapping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-e2e-xlsx-'));
    const file = join(dir, 'prospects.xlsx');
    // The head of a real .xlsx: a zip local file header, then binary fields full of NUL bytes.
    const zipHead = Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00\x21\x00', 'latin1');
    await writeFile(file, Buffer.concat([zipHead, Buffer.from('[Content_Types].xml')]));
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    await page.getByRole('link', { name: 'Importer un fichier' }).first().click();
    const input = page.getByLabel('Fichier à importer (CSV ou ADF/XML)');
    await input.setInputFiles(file);

    const refusal = page.getByRole('alert').filter({ hasText: 'fichier texte' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.textContent()).toBe(
      "Ce fichier n'est pas un fichier texte (un classeur Excel ?). Enregistrez-le d'abord au format CSV depuis " +
        'votre tableur, puis importez le fichier CSV.',
    );
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
    // Nothing offers to go on with this file.
    expect(await page.getByRole('heading', { name: 'Fichier détecté' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Correspondance des colonnes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: "Simuler l'importation" }).count()).toBe(0);
    expect(await page.getByLabel('Importer les lignes valides et ignorer les lignes en erreur').count()).toBe(0);
    expect(cspViolations()).toEqual([]);
  });

  it('warns before creating a lead whose number another lead has, and creates it only when asked', async () => {
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    const julien = await rpcFromPage<{ id: string }>(
      page,
      host,
      'leads.create',
      personDraft('Julien', 'André', '+33783574789', '07 83 57 47 89'),
    );
    await page.getByRole('link', { name: 'Nouveau prospect' }).first().click();
    await page.getByLabel('Prénom').fill('Benoît');
    await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('07 83 57 47 89');
    await page.getByRole('button', { name: 'Créer le prospect' }).click();

    const warning = page.getByRole('alert').filter({ hasText: 'Un prospect a déjà ce numéro' });
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.getByRole('link', { name: 'Julien André' }).getAttribute('href')).toBe(`#/leads/${julien.id}`);
    expect(await warning.textContent()).toContain('07 83 57 47 89');
    expect(page.url()).toMatch(/#\/leads\/new$/);

    // Another number: no warning any more; back to the double, then "create anyway".
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('07 83 57 47 80');
    expect(await warning.count()).toBe(0);
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('07 83 57 47 89');
    await page.getByRole('button', { name: 'Créer le prospect' }).click();
    await expect.poll(() => warning.count()).toBe(1);
    await warning.getByRole('button', { name: 'Créer quand même' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/leads\/(?!new)[\w-]+$/);
    const found = await rpcFromPage<{ total: number }>(page, host, 'leads.search', { text: '0783574789' });
    expect(found.total).toBe(2);
    expect(cspViolations()).toEqual([]);
  });

  it('loads sample leads from the empty state, and shows an empty search result', async () => {
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    await expect.poll(() => page.getByRole('heading', { name: "Aucun prospect pour l'instant" }).count()).toBe(1);
    await page.getByRole('button', { name: "Charger des prospects d'exemple" }).click();
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('200 prospects');
    expect(await listbox(page).getByRole('option').count()).toBeGreaterThan(5);

    // Arrow keys move the selection from the search box; Enter opens it.
    await search(page).focus();
    await page.keyboard.press('ArrowDown');
    expect(await listbox(page).getByRole('option', { selected: true }).getAttribute('aria-posinset')).toBe('2');

    await search(page).fill('zzzzqqq');
    await expect.poll(() => page.getByRole('heading', { name: 'Aucun prospect ne correspond' }).count()).toBe(1);
    // The button goes away with the empty state: focus lands in the search box, not on the page.
    await page.getByRole('button', { name: 'Effacer la recherche et les filtres' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('200 prospects');
    expect(await focusedId(page)).toBe('lead-search');

    // Export pressed with Enter: the button keeps the focus while it works and after.
    const exportButton = page.getByRole('button', { name: 'Exporter' });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Prospects exportés : 200.').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Exporter');
    expect(cspViolations()).toEqual([]);
    await page.close();
  });
  it('comes back from a lead to the list as it was: rows drawn, the opened lead in view and selected', async () => {
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host, { viewport: { width: 1400, height: 850 } });
    await rpcFromPage(page, host, 'leads.loadSample', { count: 200 });
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('200 prospects');
    const list = listbox(page);
    // The rows inside the scroller's box, and the scroller's position.
    const view = () =>
      list.evaluate((scroller) => {
        const box = scroller.getBoundingClientRect();
        const shown = [...scroller.querySelectorAll('[role=option]')].filter((row) => {
          const r = row.getBoundingClientRect();
          return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && !row.hasAttribute('aria-busy');
        });
        return {
          scrollTop: scroller.scrollTop,
          rows: shown.map(
            (row) => `${row.getAttribute('aria-posinset')} ${row.querySelector('.lead-name')?.textContent}`,
          ),
          selected: scroller.querySelector('[aria-selected=true]')?.getAttribute('aria-posinset') ?? null,
          focused: document.activeElement === scroller,
        };
      });

    for (const back of ['Escape', 'link'] as const) {
      await list.hover();
      await page.mouse.wheel(0, back === 'Escape' ? 1500 : 2600);
      await expect.poll(async () => (await view()).rows.length).toBeGreaterThan(5);
      const before = await view();
      expect(before.scrollTop).toBeGreaterThan(1000);
      const [position, ...words] = before.rows[4]!.split(' ');
      const name = words.join(' ');
      await list.locator(`[aria-posinset="${position}"]`).click();
      await expect.poll(() => page.getByRole('heading', { name }).count()).toBe(1);
      if (back === 'Escape') {
        await page.getByRole('heading', { name }).focus();
        await page.keyboard.press('Escape');
      } else {
        await page.getByRole('link', { name: '← Retour à la liste' }).click();
      }
      // The same rows where they were, the opened one selected and in view, the list focused.
      await expect.poll(async () => (await view()).rows).toEqual(before.rows);
      const after = await view();
      expect(after.scrollTop).toBe(before.scrollTop);
      expect(after.selected).toBe(position);
      expect(after.focused).toBe(true);
    }
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('comes back to an unscrolled list with the opened lead selected, by keyboard or mouse; Enter opens it again', async () => {
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host, { viewport: { width: 1400, height: 850 } });
    await rpcFromPage(page, host, 'leads.loadSample', { count: 200 });
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('200 prospects');
    const list = listbox(page);
    const selectedRow = () => list.getByRole('option', { selected: true });
    const nameAt = (position: number) => list.locator(`[aria-posinset="${position}"] .lead-name`).textContent();
    // The lead page has its keys once it has focused the lead's name.
    const opened = (name: string) =>
      expect
        .poll(() =>
          focusedId(page).then(async (id) => id === 'lead-name' && (await page.locator('#lead-name').textContent())),
        )
        .toBe(name);

    // Keyboard: ↓ ↓ ↓ from the search box, Enter, Esc.
    await search(page).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const name = (await nameAt(4))!;
    await page.keyboard.press('Enter');
    await opened(name);
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedRow().getAttribute('aria-posinset')).toBe('4');
    expect(await list.evaluate((scroller) => [scroller.scrollTop, document.activeElement === scroller])).toEqual([
      0,
      true,
    ]);
    // Enter opens the same lead again.
    await page.keyboard.press('Enter');
    await opened(name);
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedRow().getAttribute('aria-posinset')).toBe('4');

    // Mouse: a click on the third row, Esc.
    const clicked = (await nameAt(3))!;
    await list.locator('[aria-posinset="3"]').click();
    await opened(clicked);
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedRow().getAttribute('aria-posinset')).toBe('3');
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('brings back the search and filters after a visit to another page through the menu, not once cleared', async () => {
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    await rpcFromPage(page, host, 'leads.loadSample', { count: 200 });
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('200 prospects');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await search(page).fill('ma');
    await page.getByLabel('Trier par').selectOption('created');
    await expect.poll(() => page.url()).toMatch(/#\/leads\?q=ma&sort=created$/);
    const filtered = await page.locator('.leads-count').textContent();

    await nav.getByRole('link', { name: 'Numéroteur' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/dialer$/);
    await nav.getByRole('link', { name: 'Prospects' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/leads\?q=ma&sort=created$/);
    expect(await search(page).inputValue()).toBe('ma');
    expect(await page.getByLabel('Trier par').inputValue()).toBe('created');
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe(filtered);

    // Cleared by the seller: the menu brings the whole list back.
    await search(page).fill('');
    await page.getByLabel('Trier par').selectOption('name');
    await expect.poll(() => page.url()).toMatch(/#\/leads$/);
    await nav.getByRole('link', { name: 'Appels' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/calls$/);
    await nav.getByRole('link', { name: 'Prospects' }).click();
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('200 prospects');
    expect(await search(page).inputValue()).toBe('');
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('fits every column of the lead list in a 1280×720 window, a number and an overdue date whole', async () => {
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host, { viewport: { width: 1280, height: 720 } });
    await rpcFromPage(page, host, 'leads.loadSample', { count: 200 });
    const first = await rpcFromPage<{ items: { id: string; name: string }[] }>(page, host, 'leads.search', {
      text: '',
      limit: 1,
    });
    // The widest value the list shows: an overdue callback, in bold.
    const lead = first.items[0]!;
    await rpcFromPage(page, host, 'leads.setCallback', {
      id: lead.id,
      dueAt: new Date(Date.now() - 3_600_000).toISOString(),
      scope: 'anyone',
    });
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('200 prospects');
    // Sample leads have overdue callbacks of their own: at least this one.
    await expect.poll(() => listbox(page).locator('.lead-overdue').count()).toBeGreaterThanOrEqual(1);

    const cells = await page.evaluate(() => {
      const box = document.querySelector('.lead-table')!.getBoundingClientRect();
      const measure = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)].map((cell) => ({
          text: cell.textContent,
          cut: cell.scrollWidth > cell.clientWidth,
          outside: cell.getBoundingClientRect().right > box.right,
        }));
      return {
        headers: measure('.lead-head > span'),
        values: measure('.lead-scroller .lead-phone, .lead-scroller .lead-callback'),
      };
    });
    expect(cells.headers.map((cell) => cell.text)).toEqual([
      'Nom',
      'Téléphone',
      'Ville',
      'Véhicule',
      'Étape',
      'Prochain rappel',
    ]);
    expect(cells.headers.filter((cell) => cell.cut || cell.outside)).toEqual([]);
    expect(cells.values.length).toBeGreaterThan(10);
    expect(cells.values.filter((cell) => cell.cut || cell.outside)).toEqual([]);
    // A name the column cuts is still readable whole in its title.
    expect(await listbox(page).locator('.lead-name').first().getAttribute('title')).toBe(lead.name);
    // The name column has room for a first name and a surname ("Camille Durand" whole).
    const nameWidth = await listbox(page)
      .locator('.lead-name')
      .first()
      .evaluate((cell) => cell.getBoundingClientRect().width);
    expect(nameWidth).toBeGreaterThanOrEqual(150);

    // The list ends inside the window, whatever the filters' height, and a row picked with ↓
    // stays in view.
    const list = listbox(page);
    const inWindow = () =>
      list.evaluate((scroller) => {
        const box = scroller.getBoundingClientRect();
        const row = scroller.querySelector('[aria-selected=true]')!.getBoundingClientRect();
        return {
          listBottom: box.bottom <= window.innerHeight,
          rowInList: row.top >= box.top - 1 && row.bottom <= box.bottom + 1,
          rowInWindow: row.bottom <= window.innerHeight,
        };
      });
    await search(page).focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.getByRole('option', { selected: true }).getAttribute('aria-posinset')).toBe('16');
    expect(await inWindow()).toEqual({ listBottom: true, rowInList: true, rowInWindow: true });
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('sets a lead’s owner and tags, keeps them after a reload, and filters the list by two tags', async () => {
    const host = await start();
    const { page, cspViolations } = await openApp(session.browser, host);
    const lead = (first: string, last: string, phone: string, extra: object = {}) =>
      rpcFromPage<{ id: string }>(page, host, 'leads.create', {
        draft: {
          contact: {
            kind: 'individual',
            firstName: first,
            lastName: last,
            phones: [{ e164: phone, raw: phone, type: 'mobile', preferred: true }],
          },
          vehicles: [],
          stage: 'new',
          tags: [],
          consents: [],
          ...extra,
        },
      });
    const elodie = await lead('Élodie', 'Martin', '+33612345678');
    await lead('François', 'Lefèvre', '+33798765432', { owner: 'Camille Roux', tags: ['Financement'] });
    await lead('Zoé', 'Durand', '+33611223344', { tags: ['Essai'] });
    await lead('Hugo', 'Bernard', '+33655667788', { stage: 'sold' });

    await page.evaluate((id) => (window.location.hash = `#/leads/${id}`), elodie.id);
    await expect.poll(() => page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);

    // Owner: typed in another case, saved as the dealership spells it (offered in the suggestions).
    const owner = page.getByRole('combobox', { name: 'Responsable' });
    await expect
      .poll(() => page.locator('#lead-owner-options option').evaluateAll((o) => o.map((x) => x.getAttribute('value'))))
      .toContain('Camille Roux');
    await owner.fill('camille roux');
    await owner.press('Enter');
    await expect.poll(() => page.getByText('Responsable enregistré : Camille Roux.').count()).toBe(1);
    expect(await owner.inputValue()).toBe('Camille Roux');

    // Tags: Enter adds one, the button adds the next (an existing tag, its spelling kept); a
    // duplicate is refused next to the field; each tag has its own remove button.
    const tagBox = page.getByRole('combobox', { name: 'Nouvelle étiquette' });
    await tagBox.fill('  Reprise à estimer ');
    await tagBox.press('Enter');
    await expect
      .poll(() => page.getByRole('button', { name: "Retirer l'étiquette « Reprise à estimer »" }).count())
      .toBe(1);
    await tagBox.fill('financement, Jantes alu');
    await page.getByRole('button', { name: "Ajouter l'étiquette" }).click();
    const tagList = page.getByRole('list', { name: 'Étiquettes' });
    await expect
      .poll(() => tagList.getByRole('listitem').allTextContents())
      .toEqual(['Reprise à estimer×', 'Financement×', 'Jantes alu×']);
    await tagBox.fill('REPRISE À ESTIMER');
    await tagBox.press('Enter');
    await expect.poll(() => page.getByText("Le prospect a déjà l'étiquette « Reprise à estimer ».").count()).toBe(1);
    expect(await tagBox.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: "Retirer l'étiquette « Jantes alu »" }).click();
    await expect.poll(() => tagList.getByRole('listitem').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lead-tag-input');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('combobox', { name: 'Responsable' }).inputValue()).toBe('Camille Roux');
    expect(await page.getByRole('list', { name: 'Étiquettes' }).getByRole('listitem').allTextContents()).toEqual([
      'Reprise à estimer×',
      'Financement×',
    ]);

    // The list, filtered by two tags: the leads carrying either, and only them.
    await page.evaluate(() => (window.location.hash = '#/leads'));
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('4 prospects');
    const tagFilter = page.getByRole('button', { name: 'Étiquette Tous' });
    await tagFilter.click();
    expect(await tagFilter.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('checkbox', { name: 'Reprise à estimer' }).check();
    await page.getByRole('checkbox', { name: 'Essai' }).check();
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('2 prospects');
    const names = async () =>
      (await listbox(page).getByRole('option').allTextContents())
        .map((text) => /Élodie Martin|Zoé Durand/.exec(text)?.[0])
        .sort();
    await expect.poll(names).toEqual(['Zoé Durand', 'Élodie Martin']);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Étiquette 2 sélectionnés' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-tag');
    expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).getAll('tag')).toEqual([
      'Essai',
      'Reprise à estimer',
    ]);

    // The address carries both values: a reload shows the same filtered list.
    await page.reload();
    await expect.poll(() => page.locator('.leads-count').textContent()).toBe('2 prospects');
    await expect.poll(names).toEqual(['Zoé Durand', 'Élodie Martin']);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });
});

async function figure(page: Page, label: string): Promise<string | null> {
  return page
    .locator('.figure', { has: page.getByRole('term').filter({ hasText: label }) })
    .getByRole('definition')
    .textContent();
}
