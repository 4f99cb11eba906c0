import type { FamilyDefinition } from '../families/index.js';
import type { ObjectSpec } from '../spec.js';

/**
 * Switches optional part groups on ("with armrests"); required groups are always there. Returns a note
 * fragment for the word's explanation ('' when nothing changed).
 */
export function includeGroups(spec: ObjectSpec, family: FamilyDefinition, groups: string[]): string {
  const added: string[] = [];
  for (const id of groups) {
    const group = family.groups.find((g) => g.id === id);
    if (group?.optional && !spec.include.includes(id)) {
      spec.include.push(id);
      spec.exclude = spec.exclude.filter((g) => g !== id);
      added.push(id);
    }
  }
  return added.length > 0 ? `; asked for ${added.join(', ')}` : '';
}

/**
 * Removes optional part groups ("without a handle", negative prompt "handle"); required groups stay and
 * the returned explanation says so.
 */
export function excludeGroups(spec: ObjectSpec, family: FamilyDefinition, groups: string[]): string {
  const removed: string[] = [];
  const kept: string[] = [];
  for (const id of groups) {
    const group = family.groups.find((g) => g.id === id);
    if (group?.optional) {
      if (!spec.exclude.includes(id)) spec.exclude.push(id);
      spec.include = spec.include.filter((g) => g !== id);
      delete spec.partCounts[id];
      removed.push(id);
    } else {
      kept.push(id);
    }
  }
  const parts: string[] = [];
  if (removed.length > 0) parts.push(`removes ${removed.join(', ')}`);
  if (kept.length > 0) parts.push(`${kept.join(', ')} cannot be removed from a ${family.id}`);
  return parts.join('; ');
}
