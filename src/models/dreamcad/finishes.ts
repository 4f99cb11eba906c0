import type { Rgb } from '../../geometry/surface.js';
import { hexToLinear, mixRgb } from './colors.js';
import type { MaterialClass, MaterialParams, MaterialPreset } from './materials.js';

export interface FinishDefinition {
  id: string;
  words: string[];
  /** One line for the explanation. */
  effect: string;
  apply(m: MaterialParams, cls: MaterialClass, preset: MaterialPreset): void;
}

const RUST = hexToLinear('#7a3212');
const PATINA = hexToLinear('#4f9a82');
const DUST = hexToLinear('#9c9282');
const SOOT = hexToLinear('#151210');
const MOSS = hexToLinear('#4d6b2a');
const AGED = hexToLinear('#5a4330');

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const scale = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k];
const desaturate = (c: Rgb, k: number): Rgb => {
  const grey = (c[0] + c[1] + c[2]) / 3;
  return mixRgb(c, [grey, grey, grey], k);
};
const isCopperish = (p: MaterialPreset) => ['copper', 'bronze', 'brass'].includes(p.id);

/**
 * Finish and age words. Each changes the material's numbers (colour, metallic, roughness, alpha,
 * glow) in a way that depends on its class: "rusty" turns steel orange-brown and rough but only
 * stains wood; "polished" makes anything smoother. They apply in the order written.
 */
export const FINISHES: readonly FinishDefinition[] = [
  {
    id: 'rusty',
    words: ['rusty', 'rusted', 'corroded'],
    effect: 'rust: orange-brown, rough, less metallic',
    apply(m, cls) {
      if (cls === 'metal') {
        m.rgb = mixRgb(m.rgb, RUST, 0.75);
        m.metallic = 0.3;
        m.roughness = 0.85;
      } else {
        m.rgb = mixRgb(m.rgb, RUST, 0.3);
        m.roughness = clamp(m.roughness + 0.15);
      }
    },
  },
  {
    id: 'patina',
    words: ['oxidized', 'oxidised', 'patinated', 'verdigris', 'patina'],
    effect: 'green patina on copper, bronze and brass; dulls other metals',
    apply(m, cls, preset) {
      if (cls !== 'metal') return;
      if (isCopperish(preset)) {
        m.rgb = mixRgb(m.rgb, PATINA, 0.65);
        m.metallic = 0.35;
        m.roughness = 0.7;
      } else {
        m.rgb = scale(m.rgb, 0.6);
        m.roughness = clamp(m.roughness + 0.25);
      }
    },
  },
  {
    id: 'worn',
    words: ['worn', 'weathered', 'distressed', 'aged', 'battered', 'beaten', 'scuffed', 'scratched', 'used'],
    effect: 'rougher, slightly faded',
    apply(m, cls) {
      m.roughness = clamp(m.roughness + (cls === 'metal' ? 0.2 : 0.12));
      m.rgb = desaturate(m.rgb, 0.2);
      if (cls === 'metal') m.metallic = Math.min(m.metallic, 0.85);
    },
  },
  {
    id: 'antique',
    words: ['antique', 'ancient', 'old', 'olden'],
    effect: 'darker, warmer, a little rougher',
    apply(m, cls) {
      m.rgb = mixRgb(scale(m.rgb, 0.75), AGED, cls === 'metal' ? 0.12 : 0.18);
      m.roughness = clamp(m.roughness + 0.1);
    },
  },
  {
    id: 'tarnished',
    words: ['tarnished', 'dull', 'dulled'],
    effect: 'darker, rougher metal',
    apply(m, cls) {
      if (cls === 'metal') {
        m.rgb = mixRgb(scale(m.rgb, 0.55), AGED, 0.1);
        m.roughness = clamp(m.roughness + 0.25);
      } else {
        m.roughness = clamp(m.roughness + 0.15);
      }
    },
  },
  {
    id: 'polished',
    words: ['polished', 'shiny', 'gleaming', 'lustrous', 'burnished'],
    effect: 'smoother (roughness × 0.4)',
    apply(m) {
      m.roughness = clamp(m.roughness * 0.4, 0.04);
    },
  },
  {
    id: 'glossy',
    words: ['glossy', 'gloss', 'lacquered', 'varnished', 'glazed', 'wet'],
    effect: 'a glossy coat: roughness 0.12 on non-metals',
    apply(m, cls) {
      m.roughness = cls === 'metal' ? clamp(m.roughness * 0.5, 0.04) : 0.12;
    },
  },
  {
    id: 'matte',
    words: ['matte', 'matt', 'unglazed', 'satin', 'brushed', 'frosted', 'sandblasted'],
    effect: 'rough, no shine (glass turns frosted)',
    apply(m, cls) {
      m.roughness = clamp(Math.max(m.roughness, cls === 'metal' ? 0.5 : 0.8));
      if (cls === 'glass') m.alpha = Math.max(m.alpha, 0.75);
    },
  },
  {
    id: 'cracked',
    words: ['cracked', 'broken', 'chipped', 'crumbling', 'crackled'],
    effect: 'crack lines (texture), rougher',
    apply(m) {
      m.roughness = clamp(m.roughness + 0.1);
      m.rgb = scale(m.rgb, 0.92);
    },
  },
  {
    id: 'dusty',
    words: ['dusty', 'dirty', 'grimy', 'muddy', 'filthy', 'sooty'],
    effect: 'a grey-brown film, very rough',
    apply(m) {
      m.rgb = mixRgb(m.rgb, DUST, 0.35);
      m.roughness = clamp(Math.max(m.roughness, 0.9));
      m.metallic *= 0.6;
    },
  },
  {
    id: 'burnt',
    words: ['burnt', 'burned', 'charred', 'scorched', 'blackened', 'smoked'],
    effect: 'charred nearly black, rough',
    apply(m) {
      m.rgb = mixRgb(m.rgb, SOOT, 0.75);
      m.roughness = 0.9;
      m.metallic *= 0.5;
    },
  },
  {
    id: 'mossy',
    words: ['mossy', 'overgrown', 'moss covered', 'lichen'],
    effect: 'green moss stains',
    apply(m) {
      m.rgb = mixRgb(m.rgb, MOSS, 0.35);
      m.roughness = clamp(Math.max(m.roughness, 0.9));
      m.metallic *= 0.5;
    },
  },
  {
    id: 'faded',
    words: ['faded', 'bleached', 'sun bleached', 'washed out', 'pale'],
    effect: 'paler, less saturated',
    apply(m) {
      m.rgb = mixRgb(desaturate(m.rgb, 0.4), [0.75, 0.75, 0.72], 0.3);
    },
  },
  {
    id: 'glowing',
    words: ['glowing', 'luminous', 'illuminated', 'lit', 'radiant', 'shining', 'fluorescent'],
    effect: 'emits light in its own colour',
    apply(m) {
      m.emissive = [clamp(m.rgb[0] * 1.6), clamp(m.rgb[1] * 1.6), clamp(m.rgb[2] * 1.6)];
    },
  },
  {
    id: 'translucent',
    words: ['translucent', 'transparent', 'clear', 'see through'],
    effect: 'see-through',
    apply(m) {
      m.alpha = Math.min(m.alpha, 0.45);
      m.roughness = Math.min(m.roughness, 0.2);
    },
  },
];

const byWord = new Map<string, FinishDefinition>();
for (const f of FINISHES) for (const w of f.words) byWord.set(w, f);

/** The finish a word or two-word phrase names ("rusty", "moss covered"). */
export function lookupFinish(phrase: string): FinishDefinition | undefined {
  return byWord.get(phrase);
}

/** Applies finish ids in order. */
export function applyFinishes(m: MaterialParams, preset: MaterialPreset, ids: string[]): void {
  for (const id of ids) {
    const f = FINISHES.find((x) => x.id === id);
    if (f) f.apply(m, preset.class, preset);
  }
}
