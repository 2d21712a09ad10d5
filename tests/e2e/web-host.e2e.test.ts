// The built web host as a user and IT meet it: one ready line, the UI in French and English,
// provisioning shown honestly, and a browser on another origin or without the token kept out.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalProvisioning } from '../fixtures/provisioning';
import { useE2eSession } from './support/session';

const session = useE2eSession();
const start = session.start;

async function provisioningFile(doc: object): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'relance-prov-')), 'provisioning.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('relance web', () => {
  it('prints exactly one ready line and serves the app in French by default', async () => {
    const host = await start();
    const page = await session.browser.newPage();
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const name of ['Prospects', 'Numéroteur', 'Appels', 'Réglages']) {
      await expect.poll(() => nav.getByRole('link', { name }).count()).toBe(1);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The token leaves the address bar once taken.
    expect(page.url()).not.toContain('token=');
    await page.getByRole('link', { name: 'Réglages', exact: true }).click();
    await expect.poll(() => page.getByLabel('Serveur WebSocket').count()).toBe(1);
    await page.close();
    expect(host.stdoutLines()).toEqual([expect.stringMatching(/^Relance ready at http:\/\/127\.0\.0\.1:\d+\/#token=/)]);
  });

  it('--demo (the first command of the README) opens on sample leads; without it a fresh folder is empty', async () => {
    const demo = await start({ args: ['--demo'] });
    const page = await session.browser.newPage();
    await page.goto(demo.url);
    await expect.poll(() => page.getByText('300 prospects', { exact: true }).count()).toBe(1);
    const plain = await start();
    await page.goto(plain.url);
    await expect.poll(() => page.getByText("Aucun prospect pour l'instant").count()).toBe(1);
    await page.close();
  });

  it('links an icon it serves, so a first load logs no console error (no /favicon.ico 404)', async () => {
    const host = await start();
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const iconStatuses: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/favicon.svg') iconStatuses.push(response.status());
    });
    await page.goto(host.url);
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').count())
      .toBe(4);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('./favicon.svg');
    // The page fetched it itself, under the page's CSP.
    await expect.poll(() => iconStatuses.length).toBeGreaterThan(0);
    expect(iconStatuses.every((status) => status === 200)).toBe(true);
    const icon = await fetch(`${host.origin}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to English with ?lang=en and keeps a saved language across restarts', async () => {
    const host = await start();
    const page = await session.browser.newPage();
    await page.goto(`${host.origin}/?lang=en#token=${host.token}`);
    await expect.poll(() => page.getByRole('link', { name: 'Settings', exact: true }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();

    const french = await session.browser.newPage();
    await french.goto(host.url);
    await french.getByRole('link', { name: 'Réglages', exact: true }).click();
    await french.getByLabel('Langue').selectOption('en');
    await expect.poll(() => french.getByRole('link', { name: 'Settings', exact: true }).count()).toBe(1);
    await french.close();
    await host.stop();

    const again = await start({ dataDir: host.dataDir });
    const reopened = await session.browser.newPage();
    await reopened.goto(again.url);
    await expect.poll(() => reopened.getByRole('link', { name: 'Leads', exact: true }).count()).toBe(1);
    await reopened.close();
  });

  it('applies provisioning: values shown, locked fields read-only, bad fields named, password session-only', async () => {
    const provision = await provisioningFile({
      ...minimalProvisioning,
      ice: { servers: [], gatheringTimeoutMs: 5 },
      locked: ['sip.server'],
    });
    const host = await start({ provision });
    const page = await session.browser.newPage();
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const server = page.getByLabel('WebSocket server');
    await expect.poll(() => server.inputValue()).toBe('ws://127.0.0.1:8088');
    expect(await server.isDisabled()).toBe(true);
    expect(await page.getByLabel('SIP URI').inputValue()).toBe('sip:alice@127.0.0.1');
    expect(await page.getByLabel('SIP URI').isDisabled()).toBe(false);
    expect(await page.getByText('Set by your administrator').count()).toBeGreaterThan(0);
    // The invalid field is named; the valid rest still applied.
    expect(await page.getByRole('cell', { name: 'ice.gatheringTimeoutMs' }).count()).toBe(1);
    expect(await page.getByLabel('ICE gathering timeout (ms)').inputValue()).toBe('300');
    expect(await page.getByText('No system keychain: the password is kept only until Relance closes.').count()).toBe(1);
    await page.close();
    expect(host.stderr()).not.toContain('alicepw');
    const files = await readdir(host.dataDir, { recursive: true });
    expect(files).not.toContain('secrets.json');
  });

  it('shows an edit refused for an invalid value next to the field, and saves a valid one', async () => {
    const host = await start();
    const page = await session.browser.newPage();
    await page.goto(`${host.origin}/?lang=en#token=${host.token}`);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Display name').fill('Élodie');
    await page.getByRole('button', { name: 'Save settings', exact: true }).click();
    await expect.poll(() => page.getByText('Settings saved.').count()).toBe(1);
    await page.getByLabel('WebSocket server').fill('http://pbx.example');
    await page.getByRole('button', { name: 'Save settings', exact: true }).click();
    await expect.poll(() => page.locator('#settings-sip-server-error').textContent()).toMatch(/ws:\/\//);
    await page.close();
  });

  it('keeps out a page without the token and a page from another origin', async () => {
    const host = await start();
    const page = await session.browser.newPage();
    const refused: string[] = [];
    page.on('websocket', (ws) => ws.on('socketerror', (error) => refused.push(error)));
    await page.goto(`${host.origin}/`);
    await expect.poll(() => page.locator('header').getByRole('status').textContent()).toMatch(/Reconnexion/);
    expect(refused.length).toBeGreaterThan(0);
    await page.close();

    // A page served by another local origin that somehow learned the token still cannot connect.
    const other: Server = createServer((_req, res) => res.end('<!doctype html><title>other</title>'));
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const otherPort = (other.address() as AddressInfo).port;
    const foreign = await session.browser.newPage();
    await foreign.goto(`http://127.0.0.1:${otherPort}/`);
    const outcome = await foreign.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      `ws://127.0.0.1:${new URL(host.origin).port}/rpc?token=${host.token}`,
    );
    expect(outcome).toBe('refused');
    await foreign.close();
    other.close();
  });

  it('reports a damaged settings file, keeps it aside and starts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'relance-e2e-damaged-'));
    await writeFile(join(dataDir, 'settings.json'), Buffer.alloc(64));
    const host = await start({ dataDir });
    const page = await session.browser.newPage();
    await page.goto(`${host.origin}/?lang=en#token=${host.token}`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/settings\.json/);
    await page.close();
    expect((await readdir(join(dataDir, 'quarantine'))).some((f) => f.startsWith('settings'))).toBe(true);
  });
});
