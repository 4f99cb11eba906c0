import type { FamilyId } from '../spec.js';
import { ANIMALS } from './animals.js';
import { ARCHITECTURE } from './architecture.js';
import { barrel } from './barrel.js';
import { bookshelf } from './bookshelf.js';
import { bottle } from './bottle.js';
import { chair } from './chair.js';
import { CONTAINERS } from './containers.js';
import { crate } from './crate.js';
import { BOOKS, DECOR } from './decor.js';
import { ELECTRONICS, SPORTS } from './electronics.js';
import { FOOD } from './food.js';
import { FURNITURE } from './furniture.js';
import { INSTRUMENTS } from './instruments.js';
import { lamp } from './lamp.js';
import { LIGHTING } from './lighting.js';
import { mug } from './mug.js';
import { shield } from './shield.js';
import { sword } from './sword.js';
import { table } from './table.js';
import { TABLEWARE } from './tableware.js';
import { TOOLS } from './tools.js';
import { CLOTHING, JEWELLERY, PLANTS, TOYS } from './toys.js';
import { tree } from './tree.js';
import type { FamilyDefinition } from './types.js';
import { vase } from './vase.js';
import { VEHICLES } from './vehicles.js';
import { WEAPONS } from './weapons.js';

export type {
  BuildContext,
  BuiltPart,
  Category,
  FamilyDefinition,
  FamilyNoun,
  PartGroup,
  SizeRange,
} from './types.js';

/** Every family, in the order ties between equally good matches are broken. */
export const FAMILIES: readonly FamilyDefinition[] = [
  chair,
  table,
  lamp,
  vase,
  mug,
  bottle,
  sword,
  shield,
  barrel,
  crate,
  bookshelf,
  tree,
  ...FURNITURE,
  ...LIGHTING,
  ...CONTAINERS,
  ...DECOR,
  ...BOOKS,
  ...TOOLS,
  ...WEAPONS,
  ...INSTRUMENTS,
  ...FOOD,
  ...ANIMALS,
  ...VEHICLES,
  ...ARCHITECTURE,
  ...ELECTRONICS,
  ...SPORTS,
  ...TOYS,
  ...CLOTHING,
  ...JEWELLERY,
  ...PLANTS,
  ...TABLEWARE,
];

const byId = new Map<FamilyId, FamilyDefinition>(FAMILIES.map((f) => [f.id, f]));
if (byId.size !== FAMILIES.length) throw new Error('families: two families share an id');

/** The family with this id; throws for an unknown id (a programming error). */
export function getFamily(id: FamilyId): FamilyDefinition {
  const family = byId.get(id);
  if (!family) throw new Error(`getFamily: unknown family "${id}"`);
  return family;
}
