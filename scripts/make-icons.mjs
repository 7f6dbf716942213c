#!/usr/bin/env node
// Draws Doppel's icon (two overlapping figures: you and your double) as PNGs with no dependencies.
// Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

const png = (size, pixel) => {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4x supersampling for smooth edges.
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          acc = acc.map((v, i) => v + p[i] * (i === 3 ? 1 : p[3]));
        }
      const a = acc[3] / 16;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? acc[0] / acc[3] : 0;
      raw[o + 1] = a ? acc[1] / acc[3] : 0;
      raw[o + 2] = a ? acc[2] / acc[3] : 0;
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
};

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const figure = (x, y, cx) => inCircle(x, y, cx, 0.36, 0.13) || (inCircle(x, y, cx, 0.86, 0.3) && y < 0.84);

const draw = (x, y) => {
  if (!inCircle(x, y, 0.5, 0.5, 0.5)) return [0, 0, 0, 0];
  if (figure(x, y, 0.4)) return [255, 255, 255, 1];
  if (figure(x, y, 0.62)) return [159, 176, 255, 1];
  return [59, 79, 216, 1];
};

const dir = join(import.meta.dirname, '..', 'public', 'icons');
for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, `icon-${size}.png`), png(size, draw));
console.log(`icons written to ${dir}`);
