/**
 * Draws the Teams app icons (a shield with "AI" on it) and writes them next to the manifest.
 * Run once after changing the design: `npx tsx src/channels/teams/manifest/draw-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodeRgbaPng } from "./png.js";
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from "./icon-rules.js";

type Rgba = readonly [number, number, number, number];
/** A shape in unit coordinates: (0,0) is the top-left corner of the icon, (1,1) the bottom-right. */
type Shape = (x: number, y: number) => boolean;

const ACCENT: Rgba = [43, 76, 155, 255]; // #2B4C9B, the manifest's accentColor
const WHITE: Rgba = [255, 255, 255, 255];
const SAMPLES_PER_AXIS = 4;

type Point = readonly [number, number];

function polygon(points: Point[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function stroke(from: Point, to: Point, width: number): Shape {
  const [ax, ay] = from;
  const [dx, dy] = [to[0] - ax, to[1] - ay];
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);
/** Shrinks (factor < 1) or grows a shape around a centre point. */
const scaled =
  (shape: Shape, factor: number, [cx, cy]: Point): Shape =>
  (x, y) =>
    shape(cx + (x - cx) / factor, cy + (y - cy) / factor);

/** A heater shield: flat top, straight sides, then a curve down to a point. `inset` shrinks it evenly. */
function shield(inset: number): Shape {
  const left = 0.2 + inset;
  const right = 0.8 - inset;
  const top = 0.14 + inset;
  const shoulder = 0.5;
  const tip: Point = [0.5, 0.9 - inset * 1.6];
  const points: Point[] = [[left, top], [right, top], [right, shoulder]];
  const curveSteps = 24;
  for (let step = 1; step < curveSteps; step++) {
    const t = step / curveSteps;
    // Quadratic curve from the right shoulder to the tip, pulled towards the bottom-right corner.
    points.push(quadratic([right, shoulder], [right, tip[1] - 0.12], tip, t));
  }
  points.push(tip);
  for (let step = curveSteps - 1; step > 0; step--) {
    points.push(quadratic([left, shoulder], [left, tip[1] - 0.12], tip, step / curveSteps));
  }
  points.push([left, shoulder]);
  return polygon(points);
}

function quadratic(start: Point, control: Point, end: Point, t: number): Point {
  const u = 1 - t;
  return [
    u * u * start[0] + 2 * u * t * control[0] + t * t * end[0],
    u * u * start[1] + 2 * u * t * control[1] + t * t * end[1],
  ];
}

function letters(strokeWidth: number): Shape {
  const baseline = 0.64;
  const capTop = 0.3;
  const letterA = union(
    stroke([0.3, baseline], [0.42, capTop], strokeWidth),
    stroke([0.42, capTop], [0.54, baseline], strokeWidth),
    stroke([0.34, 0.53], [0.5, 0.53], strokeWidth * 0.85),
  );
  const letterI = stroke([0.66, capTop], [0.66, baseline], strokeWidth);
  return union(letterA, letterI);
}

function render(size: number, background: Rgba | null, layers: Array<{ shape: Shape; colour: Rgba }>): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let colour: [number, number, number, number] = background ? [...background] : [0, 0, 0, 0];
      for (const layer of layers) {
        const coverage = coverageAt(layer.shape, px, py, size);
        if (coverage > 0) colour = over(layer.colour, coverage, colour);
      }
      pixels.set(colour.map(Math.round), (py * size + px) * 4);
    }
  }
  return pixels;
}

function coverageAt(shape: Shape, px: number, py: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
    for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES_PER_AXIS) / size;
      const y = (py + (sy + 0.5) / SAMPLES_PER_AXIS) / size;
      if (shape(x, y)) hits++;
    }
  }
  return hits / SAMPLES_PER_AXIS ** 2;
}

/** Porter-Duff "source over destination" with straight (not premultiplied) alpha. */
function over(source: Rgba, coverage: number, destination: Rgba): [number, number, number, number] {
  const sourceAlpha = (source[3] / 255) * coverage;
  const destinationAlpha = destination[3] / 255;
  const alpha = sourceAlpha + destinationAlpha * (1 - sourceAlpha);
  if (alpha === 0) return [0, 0, 0, 0];
  const channel = (index: number) =>
    (source[index] * sourceAlpha + destination[index] * destinationAlpha * (1 - sourceAlpha)) / alpha;
  return [channel(0), channel(1), channel(2), alpha * 255];
}

function drawColorIcon(): Uint8Array {
  const size = COLOR_ICON_SIZE;
  return encodeRgbaPng(size, size, render(size, ACCENT, [
    { shape: shield(0), colour: WHITE },
    { shape: letters(0.075), colour: ACCENT },
  ]));
}

/** Teams wants the outline icon white on a transparent background, so the shield is hollow. */
function drawOutlineIcon(): Uint8Array {
  const size = OUTLINE_ICON_SIZE;
  const outline = minus(shield(0), shield(0.07));
  // Smaller letters with heavier strokes stay legible at 32 pixels and clear of the outline.
  const smallLetters = scaled(letters(0.11), 0.78, [0.48, 0.27]);
  return encodeRgbaPng(size, size, render(size, null, [{ shape: union(outline, smallLetters), colour: WHITE }]));
}

const manifestDirectory = fileURLToPath(new URL("../../../../manifests/teams/", import.meta.url));
writeFileSync(`${manifestDirectory}color.png`, drawColorIcon());
writeFileSync(`${manifestDirectory}outline.png`, drawOutlineIcon());
console.log(`Wrote color.png and outline.png to ${manifestDirectory}`);
