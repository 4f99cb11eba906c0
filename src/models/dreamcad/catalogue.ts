/**
 * The dreamcad catalogue as Markdown: every family with its nouns, variants, part groups and real size,
 * and every colour, modifier, material, finish, style and pattern word. `docs/dreamcad-catalogue.md` is
 * this function's output (written by `npm run catalogue`), so the docs cannot drift from the code: a test
 * regenerates it and compares.
 */
import { COLOR_MODIFIERS, COLOR_WORDS } from './colors.js';
import { FAMILIES } from './families/index.js';
import type { Category, FamilyDefinition } from './families/types.js';
import { FINISHES } from './finishes.js';
import { MATERIAL_WORDS, MATERIALS } from './materials.js';
import { STYLES } from './styles.js';
import { PATTERNS } from './textures.js';

const list = (words: Iterable<string>) => [...words].map((w) => `\`${w}\``).join(', ');

function metres([lo, hi]: [number, number]): string {
  const f = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
  return `${f(lo)}–${f(hi)}`;
}

function familyRow(f: FamilyDefinition): string {
  const nouns = f.nouns.map((n) => (n.variant ? `${n.word} (${n.variant})` : n.word));
  const variants = Object.entries(f.variantWords ?? {}).map(([w, v]) => (w === v ? w : `${w}→${v}`));
  const groups = f.groups.map((g) => {
    const flags = [
      g.optional === 'off' ? 'off' : g.optional === 'on' ? 'optional' : '',
      g.count ? 'countable' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return flags ? `${g.id} (${flags})` : g.id;
  });
  const s = f.size;
  return `| \`${f.id}\` | ${nouns.join(', ')} | ${variants.join(', ')} | ${groups.join(', ')} | ${metres(s.width)} × ${metres(s.height)} × ${metres(s.depth)} |`;
}

export function renderCatalogue(): string {
  const out: string[] = [
    '# The dreamcad catalogue',
    '',
    'Generated from the code by `npm run catalogue`; do not edit by hand (a test compares). How prompts are',
    'read is in [dreamcad.md](dreamcad.md).',
    '',
    `## Families (${FAMILIES.length})`,
    '',
    'Size is width × height × depth in metres, the range seeds vary over before size words. Part groups marked',
    '*optional* can be removed ("without a handle"); *off* ones are added on request ("with armrests");',
    '*countable* ones take a number ("four legs").',
  ];
  const byCategory = new Map<Category, FamilyDefinition[]>();
  for (const f of FAMILIES) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  for (const [category, families] of byCategory) {
    out.push(
      '',
      `### ${category} (${families.length})`,
      '',
      '| family | nouns (variant) | variant words | part groups | size (m) |',
      '| --- | --- | --- | --- | --- |',
      ...families.map(familyRow),
    );
  }
  out.push(
    '',
    `## Colours (${Object.keys(COLOR_WORDS).length} words, plus any CSS colour name)`,
    '',
    list(Object.keys(COLOR_WORDS)),
    '',
    `Modifiers: ${list(Object.keys(COLOR_MODIFIERS))}.`,
    '',
    `## Materials (${Object.keys(MATERIALS).length} presets)`,
    '',
    '| preset | class | base colour | metallic | roughness | texture | words |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  const wordsFor = new Map<string, string[]>();
  for (const [word, id] of Object.entries(MATERIAL_WORDS))
    wordsFor.set(id, [...(wordsFor.get(id) ?? []), word]);
  for (const m of Object.values(MATERIALS)) {
    out.push(
      `| \`${m.id}\` | ${m.class} | ${m.color} | ${m.metallic} | ${m.roughness} | ${m.texture ?? ''} | ${list(wordsFor.get(m.id) ?? [])} |`,
    );
  }
  out.push('', '## Finishes and age', '', '| finish | words | effect |', '| --- | --- | --- |');
  for (const f of FINISHES) out.push(`| \`${f.id}\` | ${list(f.words)} | ${f.effect} |`);
  out.push('', '## Styles', '', '| style | words | effect |', '| --- | --- | --- |');
  for (const s of STYLES) out.push(`| \`${s.id}\` | ${list(s.words)} | ${s.effect} |`);
  out.push('', '## Patterns', '', '| pattern | words | effect |', '| --- | --- | --- |');
  for (const p of PATTERNS) out.push(`| \`${p.id}\` | ${list(p.words)} | ${p.effect} |`);
  out.push('');
  return out.join('\n');
}
