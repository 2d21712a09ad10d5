// Draws the Relance icon (a follow-up arrow on a blue tile) and writes every format the
// installers need: build/icon.png, build/icons/NxN.png (Linux), build/icon.ico, build/icon.icns.
// Run: node scripts/package/make-icons.mjs   (outputs are committed; rerun after a design change)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (row-major, straight alpha) to a PNG file. */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The drawing, in a unit square (0..1, y down).
const ringRadius = 0.25;
const ringWidth = 0.085;
const gapFrom = -Math.PI / 2; // the ring is open at the top right: from 12 o'clock…
const gapTo = -Math.PI / 10; // …to about 2 o'clock, where the arrowhead sits
const head = (() => {
  const a = gapTo;
  const cx = 0.5 + ringRadius * Math.cos(a);
  const cy = 0.5 + ringRadius * Math.sin(a);
  const tx = -Math.sin(a); // tangent, pointing back towards the gap (counter-clockwise)
  const ty = Math.cos(a);
  const nx = Math.cos(a);
  const ny = Math.sin(a);
  const half = 0.1;
  return [
    [cx - tx * 0.1, cy - ty * 0.1], // tip, inside the gap
    [cx + nx * half + tx * 0.02, cy + ny * half + ty * 0.02],
    [cx - nx * half + tx * 0.02, cy - ny * half + ty * 0.02],
  ];
})();

function inTriangle(x, y, [a, b, c]) {
  const side = (p, q) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function inTile(x, y) {
  const r = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - 0.04 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - 0.04 - r), 0);
  return Math.hypot(qx, qy) <= r;
}

function inArrow(x, y) {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const angle = Math.atan2(dy, dx);
  if (Math.abs(Math.hypot(dx, dy) - ringRadius) <= ringWidth / 2 && !(angle > gapFrom && angle < gapTo)) return true;
  // Round cap at the open end of the ring.
  const capX = 0.5 + ringRadius * Math.cos(gapFrom);
  const capY = 0.5 + ringRadius * Math.sin(gapFrom);
  return Math.hypot(x - capX, y - capY) <= ringWidth / 2 || inTriangle(x, y, head);
}

/** Renders the icon at `size` px with 4×4 supersampling. */
export function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const top = [37, 99, 235];
  const bottom = [30, 58, 138];
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let arrow = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (inTile(x, y)) {
            tile++;
            if (inArrow(x, y)) arrow++;
          }
        }
      }
      const t = py / Math.max(1, size - 1);
      const i = (py * size + px) * 4;
      const a = tile / (n * n);
      const w = tile === 0 ? 0 : arrow / tile;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((top[c] * (1 - t) + bottom[c] * t) * (1 - w) + 255 * w);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, rgba);
}

/** Windows .ico holding PNG images (Vista and later read them directly). */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header[at] = size >= 256 ? 0 : size;
    header[at + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, at + 4); // planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** macOS .icns with PNG entries, keyed by OSType. */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, p) => sum + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512];
export const icoSizes = [16, 24, 32, 48, 64, 128, 256];
export const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export async function writeIcons(buildDir) {
  const sizes = [...new Set([...linuxSizes, ...icoSizes, ...icnsTypes.map(([, size]) => size)])];
  const png = new Map(sizes.map((size) => [size, renderIcon(size)]));
  await mkdir(path.join(buildDir, 'icons'), { recursive: true });
  await writeFile(path.join(buildDir, 'icon.png'), png.get(1024));
  for (const size of linuxSizes) await writeFile(path.join(buildDir, 'icons', `${size}x${size}.png`), png.get(size));
  await writeFile(path.join(buildDir, 'icon.ico'), encodeIco(icoSizes.map((size) => ({ size, png: png.get(size) }))));
  await writeFile(
    path.join(buildDir, 'icon.icns'),
    encodeIcns(icnsTypes.map(([type, size]) => ({ type, png: png.get(size) }))),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));
  await writeIcons(buildDir);
  console.log(`icons written to ${buildDir}`);
}
