// Builds small GIF and PNG files in memory for fixture routes and unit tests, so no binary files live in the repository.
import { crc32, deflateSync } from 'node:zlib';

export interface GifOptions {
  /** Frames to write (each a 1×1 pixel). */
  frames: number;
  /** NETSCAPE2.0 loop count (0 = forever); omit for no loop extension (plays once). */
  loop?: number;
  /** Delay of each frame in hundredths of a second. */
  delayCs?: number;
}

/** A valid GIF89a of 1×1 frames: enough for browsers to load it and for scanGif to read its timing. */
export function gifBytes({ frames, loop, delayCs = 10 }: GifOptions): Buffer {
  const parts: number[] = [];
  parts.push(...Buffer.from('GIF89a'));
  // Logical screen 1×1, global colour table of two entries (black, white).
  parts.push(1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255);
  if (loop !== undefined) parts.push(0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0'), 3, 1, loop & 0xff, loop >> 8, 0);
  for (let i = 0; i < frames; i++) {
    parts.push(0x21, 0xf9, 4, 0, delayCs & 0xff, delayCs >> 8, 0, 0);
    // Image descriptor 1×1, then LZW data (minimum code size 2: clear, pixel 0, end).
    parts.push(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0);
  }
  parts.push(0x3b);
  return Buffer.from(parts);
}

/** An RGB PNG whose pixels come from `pixel(x, y)`. */
export function pngBytes(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Dark strokes on white in rows, like lines of lettering: two colours, many sharp edges. */
export function textLikePng(width = 320, height = 80): Buffer {
  return pngBytes(width, height, (x, y) => {
    const line = Math.floor(y / 20);
    const inBand = y % 20 >= 4 && y % 20 <= 15;
    // Letter strokes: 2 px wide, gaps that vary with the line, a word gap every 40 px.
    const stroke = (x + line * 3) % 7 < 2 && x % 40 < 34;
    return inBand && stroke ? [20, 20, 20] : [255, 255, 255];
  });
}

/** Smooth colour changes with a little grain, like a photograph: hundreds of colours, few sharp edges. */
export function photoLikePng(width = 320, height = 200): Buffer {
  return pngBytes(width, height, (x, y) => {
    const grain = ((x * 7919 + y * 104729) % 23) - 11;
    const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
    return [clamp(120 + 100 * Math.sin(x / 40) + grain), clamp(90 + 80 * Math.cos(y / 30) + grain), clamp(60 + (x + y) / 4 + grain)];
  });
}
