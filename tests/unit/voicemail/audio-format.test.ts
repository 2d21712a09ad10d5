import { describe, expect, it } from 'vitest';
import { sniffAudioFormat } from '../../../src/core/voicemail/audio-format';
import { formatOfFileName, formatOfMimeType } from '../../../src/shared/domain/voicemail';
import { aacAdts, ebmlBytes, mp3Frame, mp3WithId3, oggBytes, wavBytes } from './fixtures';

describe('audio format from the bytes', () => {
  it.each([
    ['WAV', wavBytes(), 'wav'],
    ['bare MP3 frame', mp3Frame(), 'mp3'],
    ['MP3 after an ID3v2 tag', mp3WithId3(), 'mp3'],
    ['Ogg', oggBytes(), 'ogg'],
    ['WebM', ebmlBytes('webm'), 'webm'],
  ] as const)('reads %s', (_, bytes, format) => {
    expect(sniffAudioFormat(bytes)).toBe(format);
  });

  it.each([
    ['text', Buffer.from('Bonjour, ceci est un fichier texte.')],
    ['Matroska (not WebM)', ebmlBytes('matroska')],
    ['AAC in ADTS', aacAdts()],
    ['an ID3 tag with no MP3 frame after it', mp3WithId3().subarray(0, 30)],
    ['RIFF that is not WAVE', Buffer.concat([Buffer.from('RIFF\0\0\0\0AVI ', 'ascii'), Buffer.alloc(40)])],
    ['nothing', Buffer.alloc(0)],
    ['three bytes', Buffer.from([0xff, 0xfb, 0x90])],
  ])('refuses %s', (_, bytes) => {
    expect(sniffAudioFormat(bytes)).toBeUndefined();
  });
});

describe('format from a MIME type or a file name', () => {
  it('reads what browsers give, parameters ignored', () => {
    expect(formatOfMimeType('audio/webm;codecs=opus')).toBe('webm');
    expect(formatOfMimeType('audio/x-wav')).toBe('wav');
    expect(formatOfMimeType('audio/mpeg')).toBe('mp3');
    expect(formatOfMimeType('video/webm')).toBe('webm');
    expect(formatOfMimeType('application/ogg')).toBe('ogg');
    expect(formatOfMimeType('audio/aac')).toBeUndefined();
    expect(formatOfMimeType('')).toBeUndefined();
  });

  it('reads extensions in any case', () => {
    expect(formatOfFileName('Accueil.WAV')).toBe('wav');
    expect(formatOfFileName('message.opus')).toBe('ogg');
    expect(formatOfFileName('message.mp3')).toBe('mp3');
    expect(formatOfFileName('message.weba')).toBe('webm');
    expect(formatOfFileName('message.m4a')).toBeUndefined();
    expect(formatOfFileName('message')).toBeUndefined();
  });
});
