// The lead page as a seller works it from the keyboard in the built web host: edit the contact
// (add a number typed nationally, fix the e-mail, Esc, a link or the browser's Back to leave: asked
// first when something was typed) and find it after a reload; a number another lead has warns
// before saving; focus after saving a note, a callback and a consent; and the stage select that
// asks before an arrow key makes a lead "Vendu"; a new lead being typed asks before a reload or Back;
// « Fusionner avec… » offers the lead sharing the e-mail first, driven by ↑/↓/Enter, says what the
// merged lead keeps, and the calls of the lead merged away follow it.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, personDraft, rpcFromPage } from './support/leads-page';
import { useE2eSession } from './support/session';

const session = useE2eSession();

const draft = (stage: string) => ({
  draft: {
    contact: {
      kind: 'individual',
      firstName: 'Élodie',
      lastName: 'Martin',
      phones: [{ e164: '+33612345678', raw: '06 12 34 56 78', type: 'mobile', preferred: true }],
      email: 'elodie.martin@example.fr',
      address: { city: 'Lyon' },
    },
    vehicles: [],
    stage,
    tags: [],
    consents: [],
  },
});

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Whether the page would ask before a reload or a closed tab (its `beforeunload` is cancelled). */
const asksBeforeUnload = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

async function openLead(page: Page, id: string) {
  await page.evaluate((leadId) => (window.location.hash = `#/leads/${leadId}`), id);
  await expect.poll(() => page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);
}

describe('the lead page from the keyboard', () => {
  it('edits the contact: adds a number, fixes the e-mail, and keeps them after a reload', async () => {
    const host = await session.start();
    const { page, cspViolations } = await openApp(session.browser, host);
    const lead = await rpcFromPage<{ id: string }>(page, host, 'leads.create', draft('new'));
    await openLead(page, lead.id);
    const contact = page.getByRole('region', { name: 'Contact' });
    const edit = contact.getByRole('button', { name: 'Modifier le contact' });
    const form = page.getByRole('form', { name: 'Modifier le contact' });
    const discard = page.getByRole('dialog', { name: 'Abandonner les modifications ?' });

    // Esc on an untouched form closes it at once, stays on the lead and gives the keyboard back to "Modifier".
    await edit.click();
    await expect.poll(() => isFocused(form.getByLabel('Prénom'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    expect(await discard.count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);
    expect(await isFocused(edit)).toBe(true);

    // With a change, Esc asks; "Continuer la saisie" (the default) keeps the text and the keyboard where it was.
    await edit.press('Enter');
    const email = form.getByLabel('E-mail');
    await email.fill('autre@example.fr');
    expect(await asksBeforeUnload(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => discard.count()).toBe(1);
    const keep = discard.getByRole('button', { name: 'Continuer la saisie' });
    await expect.poll(() => isFocused(keep)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => discard.count()).toBe(0);
    expect(await form.count()).toBe(1);
    expect(await email.inputValue()).toBe('autre@example.fr');
    await expect.poll(() => isFocused(email)).toBe(true);

    // Esc in the question keeps editing too; the side menu asks before leaving the lead.
    await page.keyboard.press('Escape');
    await expect.poll(() => discard.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => discard.count()).toBe(0);
    expect(await email.inputValue()).toBe('autre@example.fr');
    await page.getByRole('navigation').getByRole('link', { name: 'Prospects' }).click();
    await expect.poll(() => discard.count()).toBe(1);
    await keep.click();
    await expect.poll(() => discard.count()).toBe(0);
    expect(page.url()).toMatch(new RegExp(`#/leads/${lead.id}$`));

    // The browser's Back asks as well; kept editing, the lead, its address and the typed text stay.
    await page.goBack();
    await expect.poll(() => discard.count()).toBe(1);
    await keep.click();
    await expect.poll(() => discard.count()).toBe(0);
    expect(page.url()).toMatch(new RegExp(`#/leads/${lead.id}$`));
    expect(await page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);
    expect(await email.inputValue()).toBe('autre@example.fr');

    // Confirmed, the change is dropped: nothing saved, the keyboard back on "Modifier", nothing to ask on reload.
    await form.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => discard.count()).toBe(1);
    await discard.getByRole('button', { name: 'Abandonner les modifications' }).click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => isFocused(edit)).toBe(true);
    expect(await contact.getByText('elodie.martin@example.fr').count()).toBe(1);
    expect(await asksBeforeUnload(page)).toBe(false);

    // A second number typed as a seller says it, made the preferred one; a bad e-mail refused on its field.
    await edit.press('Enter');
    await form.getByRole('button', { name: 'Ajouter un numéro' }).click();
    const second = form.getByRole('textbox', { name: 'Numéro 2' });
    await expect.poll(() => isFocused(second)).toBe(true);
    await second.fill('07 98 76 54 32');
    await form.getByLabel('Type du numéro 2').selectOption('home');
    await form.getByRole('radio', { name: 'Numéro 2 préféré' }).check();
    await form.getByLabel('E-mail').fill('elodie@');
    await form.getByRole('button', { name: 'Enregistrer le contact' }).press('Enter');
    await expect.poll(() => form.getByText('Adresse e-mail non valide.').count()).toBe(1);
    expect(await form.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(form.getByLabel('E-mail'))).toBe(true);

    await form.getByLabel('E-mail').fill('e.martin@example.com');
    await form.getByRole('button', { name: 'Enregistrer le contact' }).press('Enter');
    await expect.poll(() => form.count()).toBe(0);
    expect(await isFocused(edit)).toBe(true);
    expect(await contact.getByText('Contact enregistré.').count()).toBe(1);
    expect(await contact.getByRole('button', { name: 'Appeler le 07 98 76 54 32' }).count()).toBe(1);
    // The history says what changed, in words.
    const history = page.getByRole('region', { name: 'Historique' });
    expect(await history.getByText('(e-mail, téléphones)').count()).toBe(1);

    // Removing a number from the keyboard: focus stays in the form.
    await edit.press('Enter');
    await form.getByRole('button', { name: 'Retirer le numéro 1' }).press('Enter');
    await expect.poll(() => isFocused(form.getByRole('textbox', { name: 'Numéro 1' }))).toBe(true);
    expect(await form.getByRole('textbox', { name: 'Numéro 1' }).inputValue()).toBe('07 98 76 54 32');
    await form.getByRole('button', { name: 'Annuler' }).press('Enter');
    await expect.poll(() => discard.count()).toBe(1);
    await discard.getByRole('button', { name: 'Abandonner les modifications' }).press('Enter');
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => isFocused(edit)).toBe(true);

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Élodie Martin' }).count(), { timeout: 15_000 }).toBe(1);
    const reloaded = page.getByRole('region', { name: 'Contact' });
    expect(await reloaded.getByRole('button', { name: 'Appeler le 06 12 34 56 78' }).count()).toBe(1);
    expect(await reloaded.getByRole('button', { name: 'Appeler le 07 98 76 54 32' }).count()).toBe(1);
    expect(await reloaded.getByText('Domicile · préféré').count()).toBe(1);
    expect(await reloaded.getByText('e.martin@example.com').count()).toBe(1);
    const stored = await rpcFromPage<{ contact: { phones: { e164: string; type: string; preferred: boolean }[] } }>(
      page,
      host,
      'leads.get',
      { id: lead.id },
    );
    expect(stored.contact.phones.map(({ e164, type, preferred }) => ({ e164, type, preferred }))).toEqual([
      { e164: '+33612345678', type: 'mobile', preferred: false },
      { e164: '+33798765432', type: 'home', preferred: true },
    ]);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('warns before saving a number another lead has, links to it, and saves anyway', async () => {
    const host = await session.start();
    const { page, cspViolations } = await openApp(session.browser, host);
    const julien = await rpcFromPage<{ id: string }>(
      page,
      host,
      'leads.create',
      personDraft('Julien', 'André', '+33783574789', '07 83 57 47 89'),
    );
    const lead = await rpcFromPage<{ id: string }>(page, host, 'leads.create', draft('new'));
    await openLead(page, lead.id);
    const contact = page.getByRole('region', { name: 'Contact' });
    const form = page.getByRole('form', { name: 'Modifier le contact' });
    const save = form.getByRole('button', { name: 'Enregistrer le contact' });
    const warning = form.getByRole('alert').filter({ hasText: 'Un prospect a déjà ce numéro' });
    const storedPhones = async () =>
      (
        await rpcFromPage<{ contact: { phones: { e164: string }[] } }>(page, host, 'leads.get', { id: lead.id })
      ).contact.phones.map((p) => p.e164);

    // Only what the seller brings in is checked (the lead's own number is no double): a name change saves at once.
    await contact.getByRole('button', { name: 'Modifier le contact' }).click();
    await form.getByLabel('Prénom').fill('Elodie');
    await save.click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await contact.getByText('Contact enregistré.').count()).toBe(1);

    // Julien's number added: a warning with a link to him, nothing saved yet.
    await contact.getByRole('button', { name: 'Modifier le contact' }).click();
    await form.getByRole('button', { name: 'Ajouter un numéro' }).click();
    const second = form.getByRole('textbox', { name: 'Numéro 2' });
    await second.fill('07 83 57 47 89');
    await save.click();
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.getByRole('link', { name: 'Julien André' }).getAttribute('href')).toBe(`#/leads/${julien.id}`);
    expect(await warning.textContent()).toContain('07 83 57 47 89');
    expect(await storedPhones()).toEqual(['+33612345678']);

    // Another number: the warning goes; back to Julien's, it comes back.
    await second.fill('07 83 57 47 80');
    expect(await warning.count()).toBe(0);
    await second.fill('07 83 57 47 89');
    await save.press('Enter');
    await expect.poll(() => warning.count()).toBe(1);

    // His name leaves the page: with the number unsaved it asks first.
    await warning.getByRole('link', { name: 'Julien André' }).click();
    const discard = page.getByRole('dialog', { name: 'Abandonner les modifications ?' });
    await expect.poll(() => discard.count()).toBe(1);
    await discard.getByRole('button', { name: 'Continuer la saisie' }).click();
    await expect.poll(() => discard.count()).toBe(0);
    expect(page.url()).toMatch(new RegExp(`#/leads/${lead.id}$`));

    await warning.getByRole('button', { name: 'Enregistrer quand même' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await contact.getByText('Contact enregistré.').count()).toBe(1);
    expect(await storedPhones()).toEqual(['+33612345678', '+33783574789']);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('asks before a reload or Back loses a new lead being typed', async () => {
    const host = await session.start();
    const { page, cspViolations } = await openApp(session.browser, host, { hash: '#/leads/new' });
    const firstName = page.getByLabel('Prénom');
    const discard = page.getByRole('dialog', { name: 'Abandonner ce nouveau prospect ?' });
    await expect.poll(() => firstName.count()).toBe(1);
    expect(await asksBeforeUnload(page)).toBe(false);
    await firstName.fill('Benoît');
    expect(await asksBeforeUnload(page)).toBe(true);

    // Back asks; kept, the form and the name stay; agreed, Back goes on to the list.
    await page.goBack();
    await expect.poll(() => discard.count()).toBe(1);
    await discard.getByRole('button', { name: 'Continuer la saisie' }).click();
    await expect.poll(() => discard.count()).toBe(0);
    expect(page.url()).toMatch(/#\/leads\/new$/);
    expect(await firstName.inputValue()).toBe('Benoît');
    await page.goBack();
    await expect.poll(() => discard.count()).toBe(1);
    await discard.getByRole('button', { name: 'Abandonner la saisie' }).click();
    await expect.poll(() => firstName.count()).toBe(0);
    expect(page.url()).not.toMatch(/#\/leads\/new$/);

    await page.goForward();
    await expect.poll(() => firstName.count()).toBe(1);
    await firstName.fill('  ');
    expect(await asksBeforeUnload(page)).toBe(false);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('keeps the keyboard on the lead page after a note, a callback and a consent saved with Enter', async () => {
    const host = await session.start();
    const { page, cspViolations } = await openApp(session.browser, host);
    const lead = await rpcFromPage<{ id: string }>(page, host, 'leads.create', draft('new'));
    await openLead(page, lead.id);

    await page.getByLabel('Nouvelle note').fill('Rappeler pour l’essai.');
    const addNote = page.getByRole('button', { name: 'Ajouter la note' });
    await addNote.press('Enter');
    await expect.poll(() => page.getByText('Rappeler pour l’essai.').count()).toBe(1);
    expect(await isFocused(addNote)).toBe(true);

    const openCallback = page.getByRole('button', { name: 'Programmer un rappel' });
    await openCallback.press('Enter');
    await page.getByRole('button', { name: 'Enregistrer le rappel' }).press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Marquer comme fait' }).count()).toBe(1);
    await expect.poll(() => isFocused(openCallback)).toBe(true);

    const addConsent = page.getByRole('button', { name: 'Ajouter un consentement' });
    await addConsent.press('Enter');
    await page.getByLabel('Formulation lue ou montrée').fill('Accepte d’être rappelée par la concession.');
    await page.getByRole('button', { name: 'Enregistrer le consentement' }).press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /^Révoquer le consentement/ }).count()).toBe(1);
    await expect.poll(() => isFocused(addConsent)).toBe(true);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('asks before an arrow key in the stage select makes a lead "Vendu"', async () => {
    const host = await session.start();
    const { page, cspViolations } = await openApp(session.browser, host);
    const lead = await rpcFromPage<{ id: string }>(page, host, 'leads.create', draft('visited'));
    await openLead(page, lead.id);
    const select = page.getByLabel('Étape', { exact: true });
    const dialog = page.getByRole('dialog', { name: "Changer l'étape ?" });

    // ↓ from "Venu en concession" would be "Vendu": nothing is saved until the seller says so; Enter keeps the stage.
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await select.inputValue()).toBe('visited');
    await expect.poll(() => isFocused(select)).toBe(true);
    const stored = await rpcFromPage<{ stage: string }>(page, host, 'leads.get', { id: lead.id });
    expect(stored.stage).toBe('visited');

    await select.selectOption('sold');
    await dialog.getByRole('button', { name: 'Passer à « Vendu »' }).click();
    await expect.poll(() => select.inputValue()).toBe('sold');
    expect(await page.getByText('Étape enregistrée.').count()).toBe(1);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });

  it('merges a duplicate from the keyboard: the likely double first, what is kept said, its call kept', async () => {
    const host = await session.start();
    const { page, cspViolations } = await openApp(session.browser, host);
    const worked = await rpcFromPage<{ id: string }>(page, host, 'leads.create', {
      draft: { ...draft('appointment').draft, owner: 'Julien Moreau' },
    });
    // Alphabetically first: the list used to start with it.
    await rpcFromPage(page, host, 'leads.create', personDraft('Aline', 'Abadie', '+33611111111', '06 11 11 11 11'));
    const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 9, 0, s)).toISOString();
    const callId = 'merge-e2e-call';
    const report = (event: object) => rpcFromPage(page, host, 'calls.report', { callId, ...event });
    await report({ type: 'started', at: at(0), direction: 'outbound', number: '+33612345678', leadId: worked.id });
    await report({ type: 'answered', at: at(5) });
    await report({ type: 'ended', at: at(50), sipStatus: 200, hangupSide: 'remote' });
    const dup = await rpcFromPage<{ id: string }>(page, host, 'leads.create', {
      draft: {
        ...draft('new').draft,
        contact: {
          kind: 'individual',
          firstName: 'Elodie',
          lastName: 'Martin',
          phones: [{ e164: '+33698765432', raw: '06 98 76 54 32', type: 'mobile', preferred: true }],
          email: 'elodie.martin@example.fr',
        },
      },
    });
    await page.evaluate((leadId) => (window.location.hash = `#/leads/${leadId}`), dup.id);
    await expect.poll(() => page.getByRole('heading', { name: 'Elodie Martin' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Fusionner avec…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fusionner avec un autre prospect' });
    const search = dialog.getByRole('combobox', { name: 'Rechercher le prospect à fusionner' });
    const options = dialog.getByRole('option');
    // The lead with the same e-mail is marked and comes first once the duplicates are in.
    await expect.poll(() => options.first().textContent()).toContain('Même numéro ou e-mail');
    expect(await options.count()).toBe(2);
    expect(await options.first().textContent()).toContain('Élodie Martin');
    await expect.poll(() => isFocused(search)).toBe(true);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    const keeps = dialog.getByRole('list');
    await expect.poll(() => keeps.count()).toBe(1);
    const kept = await keeps.textContent();
    expect(kept).toContain('le nom « Élodie Martin »');
    expect(kept).toContain('Rendez-vous');
    expect(kept).toContain('le responsable Julien Moreau');
    await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(() => page.getByRole('heading', { name: 'Élodie Martin' }).count()).toBe(1);
    expect(await page.getByLabel('Étape', { exact: true }).inputValue()).toBe('appointment');
    await expect.poll(() => page.locator('.timeline-call').count()).toBe(1);
    const calls = await rpcFromPage<{ items: { leadId?: string; leadName?: string }[] }>(page, host, 'calls.list', {
      offset: 0,
      limit: 10,
    });
    expect(calls.items).toMatchObject([{ leadId: dup.id, leadName: 'Élodie Martin' }]);
    expect(cspViolations()).toEqual([]);
    await page.close();
  });
});
