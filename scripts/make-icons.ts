// Draws the two Teams app icons in code and writes them to appPackage/:
//   color.png   192×192, the white network mark on a solid teal square (the manifest's accentColor)
//   outline.png  32×32, the same mark in white on a transparent background (white + transparency only)
//
// Regenerate with: npx tsx scripts/make-icons.ts
// The output is deterministic; test/unit/appPackage.test.ts checks the committed PNGs match it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Background of color.png; must equal accentColor in appPackage/manifest.json (the test checks). */
export const ACCENT_COLOR = '#005F73';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** The mark in unit coordinates: x and y in [-1, 1], y pointing down. */
interface Mark {
  nodes: { at: Point; r: number }[];
  links: { from: Point; to: Point; width: number }[];
}

/** One hub (the network leader) and five members on a ring, each tied to the hub and to its neighbours. */
export function networkMark(): Mark {
  const members: Point[] = [0, 1, 2, 3, 4].map((k) => {
    const angle = ((-90 + 72 * k) * Math.PI) / 180;
    return [0.78 * Math.cos(angle), 0.78 * Math.sin(angle) + 0.06] as const;
  });
  const hub: Point = [0, 0.06];
  return {
    nodes: [{ at: hub, r: 0.25 }, ...members.map((at) => ({ at, r: 0.17 }))],
    links: [
      ...members.map((to) => ({ from: hub, to, width: 0.1 })),
      ...members.map((from, i) => ({ from, to: members[(i + 1) % members.length]!, width: 0.1 })),
    ],
  };
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Signed distance from p to the mark's outline: negative inside, positive outside. */
function signedDistance(mark: Mark, p: Point): number {
  let d = Infinity;
  for (const { at, r } of mark.nodes) d = Math.min(d, Math.hypot(p[0] - at[0], p[1] - at[1]) - r);
  for (const { from, to, width } of mark.links) d = Math.min(d, distanceToSegment(p, from, to) - width / 2);
  return d;
}

/**
 * Coverage (0..1) of the mark per pixel, anti-aliased by 4×4 supersampling.
 * The mark's unit square is drawn `markSize` pixels wide, centred in a `size`×`size` image.
 * Pixels whose centre is more than half a diagonal away from the outline are wholly in or out,
 * so only edge pixels are supersampled (same result, much faster).
 */
export function coverage(size: number, markSize: number, mark: Mark = networkMark()): Float64Array {
  const out = new Float64Array(size * size);
  const samples = 4;
  const scale = 2 / markSize; // unit coordinates per pixel
  const halfDiagonal = (Math.SQRT2 / 2) * scale;
  const toUnit = (v: number) => (v - size / 2) * scale;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const centre = signedDistance(mark, [toUnit(x + 0.5), toUnit(y + 0.5)]);
      if (centre > halfDiagonal) continue;
      if (centre < -halfDiagonal) {
        out[y * size + x] = 1;
        continue;
      }
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const p: Point = [toUnit(x + (sx + 0.5) / samples), toUnit(y + (sy + 0.5) / samples)];
          if (signedDistance(mark, p) <= 0) hits++;
        }
      }
      out[y * size + x] = hits / (samples * samples);
    }
  }
  return out;
}

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/**
 * 192×192, fully opaque. Teams crops colour icons, so the mark keeps to the central 96×96
 * with 48 px of background around it, as the Teams icon guidelines ask.
 */
export function colorIcon(): PNG {
  const size = 192;
  const cover = coverage(size, 96);
  const [br, bg, bb] = hexToRgb(ACCENT_COLOR);
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let i = 0; i < size * size; i++) {
    const a = cover[i]!;
    png.data[i * 4] = Math.round(br + (255 - br) * a);
    png.data[i * 4 + 1] = Math.round(bg + (255 - bg) * a);
    png.data[i * 4 + 2] = Math.round(bb + (255 - bb) * a);
    png.data[i * 4 + 3] = 255;
  }
  return png;
}

/** 32×32, every pixel white; only alpha varies (0 outside the mark, 255 inside, in between on edges). */
export function outlineIcon(): PNG {
  const size = 32;
  const cover = coverage(size, 29);
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let i = 0; i < size * size; i++) {
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = Math.round(255 * cover[i]!);
  }
  return png;
}

export function writeIcons(dir: string): void {
  writeFileSync(join(dir, 'color.png'), PNG.sync.write(colorIcon()));
  writeFileSync(join(dir, 'outline.png'), PNG.sync.write(outlineIcon()));
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'appPackage');
  writeIcons(dir);
  console.log(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}
