import { describe, expect, it } from 'vitest';
import { inspectImport } from '../../../../src/core/leads/import/inspect';
import { importExportHandlers } from '../../../../src/core/leads/import/handlers';
import { openPresetStore } from '../../../../src/core/leads/import/presets';
import { dispatch } from '../../../../src/core/rpc/dispatch';
import type { Handlers } from '../../../../src/shared/contract';
import { notTextFileMessage } from '../../../../src/shared/domain/import-report';
import { AppFailure } from '../../../../src/shared/result';
import { realTarget } from './helpers';

/** The first bytes of an .xlsx: a zip local file header, then binary fields full of NULs. */
const fakeXlsx = Buffer.concat([
  Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00\x21\x00', 'latin1'),
  Buffer.from('[Content_Types].xml'),
]);

describe('inspecting an import file', () => {
  it('refuses a binary file at once, naming the file content and why', () => {
    let thrown: unknown;
    try {
      inspectImport(fakeXlsx);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppFailure);
    expect(thrown).toMatchObject({ code: 'invalid-request', field: 'contentBase64', message: notTextFileMessage });
  });

  it('still reads a UTF-16 export, whose NUL bytes are text', () => {
    const utf16 = Buffer.from('\ufeffNom;Prénom\r\nMartin;Élodie\r\n', 'utf16le');
    expect(inspectImport(utf16)).toMatchObject({ format: 'csv', headers: ['Nom', 'Prénom'] });
  });

  it('sends the refusal across the boundary with its field, for the screen to translate', async () => {
    const { store, service } = await realTarget();
    const handlers = importExportHandlers({
      target: service,
      presets: await openPresetStore(store),
      now: () => new Date('2025-12-31T12:00:00Z'),
      defaultRegion: () => 'FR',
    }) as unknown as Handlers;
    const result = await dispatch(handlers, 'leads.inspectImport', {
      fileName: 'prospects.xlsx',
      contentBase64: fakeXlsx.toString('base64'),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: notTextFileMessage, field: 'contentBase64' },
    });
  });
});
