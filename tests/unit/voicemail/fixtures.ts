// Small audio files for the voicemail tests: a real PCM WAV, and the first bytes of the other formats.

/** A real 16-bit mono PCM WAV of `ms` milliseconds of a 440 Hz sine at `rate` Hz. */
export function wavBytes(ms = 200, rate = 8000): Buffer {
  const samples = Math.round((rate * ms) / 1000);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz frame header + padding. */
export const mp3Frame = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);

/** An ID3v2.4 tag of `size` bytes, then an MP3 frame. */
export function mp3WithId3(size = 20): Buffer {
  const tag = Buffer.concat([Buffer.from('ID3', 'ascii'), Buffer.from([4, 0, 0, 0, 0, 0, size]), Buffer.alloc(size)]);
  return Buffer.concat([tag, mp3Frame()]);
}

export const oggBytes = (): Buffer =>
  Buffer.concat([Buffer.from('OggS', 'ascii'), Buffer.from([0, 2]), Buffer.alloc(60)]);

/** EBML header with DocType `docType` (webm, or matroska which is refused). */
export function ebmlBytes(docType = 'webm'): Buffer {
  return Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length]),
    Buffer.from(docType, 'ascii'),
    Buffer.alloc(40),
  ]);
}

/** ADTS AAC: a sync word like MP3's but layer bits 00. */
export const aacAdts = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xf1, 0x50, 0x80]), Buffer.alloc(100)]);

export const b64 = (bytes: Buffer): string => bytes.toString('base64');
