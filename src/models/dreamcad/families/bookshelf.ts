import type { Solid } from '../../../geometry/solid.js';
import type { Rgb } from '../../../geometry/surface.js';
import { hexToLinear } from '../colors.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/** Spine colours of the books, muted as real bindings are. */
const SPINES = [
  '#7b2d26',
  '#24466b',
  '#2f5d3a',
  '#c9a45c',
  '#5a3d5c',
  '#a65e2e',
  '#3a3a3a',
  '#d8cfc0',
  '#8c1c13',
  '#40667a',
];
const SPINE_RGB: Rgb[] = SPINES.map(hexToLinear);

/**
 * A bookcase 1–2 m tall: one carcass (sides, top, bottom, back and shelves, cut from a single block so it
 * is one watertight solid) and, unless removed, rows of books with coloured spines.
 */
export const bookshelf: FamilyDefinition = {
  id: 'bookshelf',
  category: 'furniture',
  nouns: [
    { word: 'bookshelf' },
    { word: 'bookcase' },
    { word: 'shelf' },
    { word: 'shelving' },
    { word: 'shelves' },
  ],
  related: ['library', 'books', 'book', 'cabinet', 'cupboard', 'hutch', 'dresser', 'wardrobe', 'study'],
  variantWords: { low: 'low' },
  groups: [
    {
      id: 'frame',
      nouns: ['frame', 'shelf', 'shelves', 'case', 'carcass', 'sides', 'body'],
      material: 'walnut',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'books',
      nouns: ['book', 'books'],
      optional: 'on',
      material: 'paper',
      takesMainMaterial: false,
      takesMainColor: false,
    },
  ],
  size: { width: [0.55, 1.05], height: [0.7, 2.05], depth: [0.22, 0.4] },
  build: buildBookshelf,
};

function buildBookshelf({ kit, rng, variant, size, has }: BuildContext): BuiltPart[] {
  const h = (variant === 'low' ? rng.range(0.75, 1.0) : rng.range(1.2, 2.0)) * size.height;
  const w = rng.range(0.6, 1.0) * size.width;
  const d = rng.range(0.25, 0.35) * size.depth;
  const board = rng.range(0.018, 0.026);
  const back = 0.008;
  const levels = Math.max(2, Math.round(h / rng.range(0.3, 0.4)));
  const plinth = rng.range(0.04, 0.08);
  const pitch = (h - plinth - board) / levels;

  // Compartments are separate boxes (shelves between them), open at the front: carving them out of
  // one block yields the whole carcass as a single solid.
  const holes: Solid[] = [];
  const spaces: Array<{ y0: number; y1: number }> = [];
  for (let i = 0; i < levels; i++) {
    const y0 = plinth + i * pitch + (i === 0 ? 0 : board / 2);
    const y1 = plinth + (i + 1) * pitch - (i === levels - 1 ? 0 : board / 2);
    spaces.push({ y0, y1 });
    holes.push(kit.boxBetween([-w / 2 + board, y0, -d / 2 + back], [w / 2 - board, y1, d / 2 + 0.01]));
  }
  // A recessed plinth at the bottom front.
  holes.push(
    kit.boxBetween([-w / 2 + board, -0.01, d / 2 - 0.02], [w / 2 - board, plinth - board, d / 2 + 0.01]),
  );
  const carcass = kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, h, d / 2]).subtract(kit.compose(holes));
  const parts: BuiltPart[] = [{ name: 'frame', group: 'frame', solid: carcass }];

  if (has('books')) {
    const books: Solid[] = [];
    const colorOf: Array<{ x0: number; x1: number; y0: number; y1: number; rgb: Rgb }> = [];
    for (const { y0, y1 } of spaces) {
      const room = y1 - y0;
      let x = -w / 2 + board + rng.range(0.005, 0.05);
      const end = w / 2 - board - 0.005;
      while (true) {
        const bw = rng.range(0.018, 0.05);
        if (x + bw > end) break;
        if (rng.chance(0.08)) {
          x += rng.range(0.04, 0.12); // a gap, as on any lived-in shelf
          continue;
        }
        const bh = Math.min(room - 0.01, rng.range(0.17, 0.3));
        const bd = Math.min(d - back - 0.02, rng.range(0.15, 0.24));
        const z0 = -d / 2 + back + 0.003;
        books.push(kit.boxBetween([x, y0 + 0.001, z0], [x + bw, y0 + bh, z0 + bd]));
        colorOf.push({ x0: x, x1: x + bw, y0, y1, rgb: rng.pick(SPINE_RGB) });
        x += bw + 0.002;
      }
    }
    if (books.length > 0) {
      parts.push({
        name: 'books',
        group: 'books',
        solid: kit.compose(books),
        colorAt: (px, py) => {
          for (const b of colorOf) if (px >= b.x0 && px <= b.x1 && py >= b.y0 && py <= b.y1) return b.rgb;
          return SPINE_RGB[0];
        },
      });
    }
  }
  return parts;
}
