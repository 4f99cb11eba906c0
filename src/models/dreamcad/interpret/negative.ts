import { colorHex } from '../colors.js';
import type { FamilyDefinition } from '../families/index.js';
import { lookupFinish } from '../finishes.js';
import { getMaterialPreset, MATERIAL_WORDS } from '../materials.js';
import type { ObjectSpec, Spec, Style, WordNote } from '../spec.js';
import { lookupStyle } from '../styles.js';
import { lookupPattern } from '../textures.js';
import { AND_WORDS, FILLERS, lookupPartGroups, lookupWord, NEGATIONS, WITH_WORDS } from './lexicon.js';
import { excludeGroups } from './part-switches.js';
import type { Token } from './tokens.js';

/**
 * The negative prompt, for every object of the prompt: part names remove optional parts; colour,
 * material, finish, pattern and style words are taken out of the spec (and default colours named there
 * are not applied).
 */
export function applyNegativePrompt(
  tokens: Token[],
  objects: Array<{ spec: ObjectSpec; family: FamilyDefinition }>,
  spec: Spec,
): void {
  const note = (word: string, role: WordNote['role'], effect: string) =>
    spec.words.push({ word, source: 'negative', role, effect });
  for (const t of tokens) {
    const word = t.text;
    if (FILLERS.has(word) || NEGATIONS.has(word) || WITH_WORDS.has(word) || AND_WORDS.has(word)) continue;
    const effects: string[] = [];
    for (const o of objects) {
      const groups = lookupPartGroups(o.family, word, t.lemma);
      if (groups.length > 0) effects.push(excludeGroups(o.spec, o.family, groups));
    }
    if (effects.length > 0) {
      note(word, 'exclude', effects.join('; '));
      continue;
    }
    const styles = objects.flatMap((o) => [o.spec.main, ...Object.values(o.spec.parts)]);
    if (colorHex(word) && !Object.hasOwn(MATERIAL_WORDS, word)) {
      const hits = remove(styles, (s) => s.color?.name.split(' ').includes(word) === true, 'color');
      remove(styles, (s) => s.color2?.name.split(' ').includes(word) === true, 'color2');
      spec.removed.push(word);
      note(
        word,
        'removed',
        hits > 0 ? `colour ${word} removed` : `no ${word} asked for; ${word} defaults are skipped`,
      );
      continue;
    }
    const material = lookupWord(MATERIAL_WORDS, word, t.lemma);
    if (material) {
      const cls = getMaterialPreset(material).class;
      // "wooden" in a negative prompt rules out every wood, not only the generic preset.
      const generic = material === 'wood' || material === 'steel';
      const hits = remove(
        styles,
        (s) =>
          s.material !== undefined &&
          (s.material === material || (generic && getMaterialPreset(s.material).class === cls)),
        'material',
      );
      spec.removed.push(word);
      note(word, 'removed', hits > 0 ? `material ${material} removed` : `no ${material} was asked for`);
      continue;
    }
    const finish = lookupFinish(word);
    if (finish) {
      let hits = 0;
      for (const s of styles) {
        if (s.finishes?.includes(finish.id)) {
          s.finishes = s.finishes.filter((f) => f !== finish.id);
          if (s.finishes.length === 0) delete s.finishes;
          hits++;
        }
      }
      spec.removed.push(word);
      note(
        word,
        'removed',
        hits > 0 ? `finish ${finish.id} removed` : `no ${finish.id} finish was asked for`,
      );
      continue;
    }
    const pattern = lookupPattern(word);
    if (pattern) {
      const hits = remove(styles, (s) => s.pattern === pattern.id, 'pattern');
      spec.removed.push(word);
      note(
        word,
        'removed',
        hits > 0 ? `pattern ${pattern.id} removed` : `no ${pattern.id} pattern was asked for`,
      );
      continue;
    }
    const style = lookupStyle(word);
    if (style) {
      let hits = 0;
      for (const o of objects) {
        if (o.spec.styles.includes(style.id)) {
          o.spec.styles = o.spec.styles.filter((x) => x !== style.id);
          hits++;
        }
      }
      spec.removed.push(word);
      note(word, 'removed', hits > 0 ? `style ${style.id} removed` : `no ${style.id} style was asked for`);
      continue;
    }
    note(word, 'ignored', 'not understood in the negative prompt');
  }
}

function remove(styles: Style[], match: (s: Style) => boolean, key: keyof Style): number {
  let hits = 0;
  for (const s of styles) {
    if (match(s)) {
      delete s[key];
      hits++;
    }
  }
  return hits;
}
