import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PromptNotUnderstoodError } from '../src/errors.js';
import { interpretPrompt } from '../src/models/dreamcad/interpret/interpret.js';
import type { MatchInfo, ObjectSpec, Spec, Style } from '../src/models/dreamcad/spec.js';

/**
 * Hand-written prompts of the kind game, film and 3D-print users type, each with what a person reading
 * it expects the interpreter to understand. The expectations come from the prompt, not from the
 * interpreter's output: when a row fails, the interpreter is what gets fixed.
 *
 * A row is `[prompt, expectation]`; the expectation is compact:
 * - `o`: the objects in order, each `family[:variant][ xN]` ('orange x2', 'chair:armchair', 'wine glass').
 *   A variant is checked only where written; the count is 1 unless written.
 * - `main`: the first object's main style as `colour[+colour2][/material][/finish…][/~pattern]`, e.g.
 *   'red/oak', 'red+white/~stripes', 'iron/rusty'; or an array with one entry per object. '' means
 *   nothing asked for (the default when `main` is left out); '*' skips the check.
 * - `parts`: part group → style of the first object; `pc`: part group → count; `inc`/`exc`: the first
 *   object's optional part groups asked for / removed (checked where given).
 * - `size`: which axes grow or shrink, e.g. 'h+', 'w-', 'whd+'; axes not named stay 1 (all 1 when left out).
 * - `styles`: the first object's style ids (default none).
 * - `rel`: relations as 'subject kind target' by object index, e.g. '0 on 1' (default none).
 * - `fb`: how the first object's family was found when no family noun named it.
 * - `ign`: the words the interpreter may set aside (checked where given).
 * - `neg`: a negative prompt.
 * - `throws`: the prompt names no object; the error lists at least these suggestions.
 */
interface Expect {
  o: string | string[];
  main?: string | string[];
  parts?: Record<string, string>;
  pc?: Record<string, number>;
  inc?: string[];
  exc?: string[];
  size?: string;
  styles?: string[];
  rel?: string[];
  fb?: Exclude<MatchInfo['method'], 'noun'>;
  ign?: string[];
  neg?: string;
}

type Row = [prompt: string, expect: Expect | { throws: string[]; neg?: string }];

// biome-ignore format: one row per line keeps the table readable
const ROWS: Row[] = [
  // --- furniture -------------------------------------------------------------------------------------
  ['a red wooden chair', { o: 'chair', main: 'red/wood', ign: [] }],
  ['an oak dining chair with armrests', { o: 'chair:dining', main: 'oak', inc: ['armrests'] }],
  ['a black leather armchair', { o: 'chair:armchair', main: 'black/leather' }],
  ['a bar stool with three legs', { o: 'chair:stool', pc: { legs: 3 } }],
  ['a rustic pine kitchen table', { o: 'table', main: 'pine', styles: ['rustic'] }],
  ['a round glass coffee table', { o: 'table', main: 'glass' }],
  ['a modern white desk', { o: 'table:desk', main: 'white', styles: ['modern'] }],
  ['a table with four legs', { o: 'table', pc: { legs: 4 } }],
  ['a long dining table with six legs', { o: 'table', pc: { legs: 6 }, size: 'w+' }],
  ['a three-legged stool', { o: 'chair:stool', pc: { legs: 3 } }],
  ['a table made of pine', { o: 'table', main: 'pine', ign: [] }],
  ['a wide mahogany dresser with three drawers', { o: 'dresser:wide', main: 'mahogany', pc: { drawers: 3 } }],
  ['a tall oak bookshelf full of books', { o: 'bookshelf', main: 'oak', size: 'h+', inc: ['books'] }],
  ['an empty bookcase', { o: 'bookshelf', ign: ['empty'] }],
  ['a grey fabric sofa', { o: 'sofa', main: 'grey/fabric' }],
  ['a green velvet couch without armrests', { o: 'sofa', main: 'green/velvet', exc: ['armrests'] }],
  ['a brown chesterfield sofa', { o: 'sofa', main: 'brown' }],
  ['a double bed with white sheets', { o: 'bed:double', parts: { blanket: 'white' } }],
  ['a bunk bed', { o: 'bed:single' }],
  ['a king size bed with four pillows', { o: 'bed:king', pc: { pillows: 4 } }],
  ['a wooden park bench', { o: 'bench:park', main: 'wood' }],
  ['a stone bench', { o: 'bench', main: 'stone' }],
  ['a golden throne with red velvet cushions', { o: 'throne', main: 'gold', parts: { cushions: 'red/velvet' } }],
  ['a medieval throne', { o: 'throne', styles: ['medieval'] }],
  ['a small round ottoman', { o: 'ottoman:round', size: 'whd-' }],
  ['a blue beanbag', { o: 'ottoman:beanbag', main: 'blue' }],
  ['a kitchen cabinet with two doors', { o: 'cabinet:cupboard', pc: { doors: 2 } }],
  ['a white wardrobe', { o: 'wardrobe', main: 'white' }],
  ['a bedside table with one drawer', { o: 'nightstand', pc: { drawers: 1 } }],
  ['a wooden coat rack', { o: 'coat rack', main: 'wood' }],
  ['an office chair', { o: 'chair:dining' }],
  ['a walnut side table', { o: 'table:side', main: 'walnut' }],
  ['a low-poly chair', { o: 'chair', styles: ['low-poly'] }],
  ['a futuristic white chair', { o: 'chair', main: 'white', styles: ['futuristic'] }],
  ['a victorian armchair with red velvet seat', { o: 'chair:armchair', styles: ['victorian'], parts: { seat: 'red/velvet' } }],
  ['a chair with a blue cushion and black legs', { o: 'chair', parts: { seat: 'blue', legs: 'black' } }],
  ['a stool without a backrest', { o: 'chair:stool', exc: ['backrest'] }],
  ['a chair', { o: 'chair', neg: 'backrest', exc: ['backrest'] }],

  // --- lighting ----------------------------------------------------------------------------------------
  ['a brass floor lamp with a white shade', { o: 'lamp:floor', main: 'brass', parts: { shade: 'white' } }],
  ['a small desk lamp', { o: 'lamp:table', size: 'whd-' }],
  ['a green bankers lamp', { o: 'lamp', main: 'green' }],
  ['a lamp without a shade', { o: 'lamp', exc: ['shade'] }],
  ['a tall standing lamp', { o: 'lamp:floor', size: 'h+' }],
  ['three white candles', { o: 'candle x3', main: 'white' }],
  ['a red pillar candle', { o: 'candle:pillar', main: 'red' }],
  ['a birthday candle', { o: 'candle:taper' }],
  ['a silver candlestick', { o: 'candlestick', main: 'silver' }],
  ['a silver candelabra holding seven candles', { o: 'candlestick:candelabra', main: 'silver', pc: { candle: 7 } }],
  ['a golden candelabra with five candles', { o: 'candlestick:candelabra', main: 'gold', pc: { candle: 5 } }],
  ['a rusty iron lantern', { o: 'lantern', main: 'iron/rusty' }],
  ['a red paper lantern', { o: 'lantern:paper', main: 'red/paper' }],
  ['a crystal chandelier', { o: 'chandelier', main: 'crystal' }],
  ['a victorian street lamp', { o: 'street lamp', styles: ['victorian'] }],
  ['a burning torch', { o: 'torch' }],
  ['a wooden torch without a flame', { o: 'torch', main: 'wood', exc: ['flame'] }],
  ['an edison light bulb', { o: 'light bulb' }],
  ['a glowing light bulb', { o: 'light bulb', main: 'glowing' }],
  ['a black pendant lamp', { o: 'pendant lamp', main: 'black' }],
  ['a purple lava lamp', { o: 'lava lamp', main: 'purple' }],
  ['a lantern', { o: 'lantern', neg: 'flame', exc: ['flame'] }],

  // --- tableware and kitchen ------------------------------------------------------------------------
  ['a white ceramic mug', { o: 'mug', main: 'white/ceramic' }],
  ['a coffee mug without a handle', { o: 'mug', exc: ['handle'] }],
  ['a porcelain teacup', { o: 'mug:teacup', main: 'porcelain' }],
  ['a pewter tankard', { o: 'mug', main: 'pewter' }],
  ['a green glass wine bottle', { o: 'bottle:wine', main: 'green/glass' }],
  ['a potion bottle with a cork', { o: 'bottle:potion', inc: ['cap'], parts: { cap: 'cork' } }],
  ['a bottle without a cap', { o: 'bottle', exc: ['cap'] }],
  ['a wooden salad bowl', { o: 'bowl:salad', main: 'wood' }],
  ['a blue and white porcelain bowl', { o: 'bowl', main: 'blue+white/porcelain' }],
  ['a dinner plate', { o: 'plate:dinner' }],
  ['a stack of plates', { o: 'plate x4' }],
  ['a silver serving platter', { o: 'plate:platter', main: 'silver' }],
  ['a champagne glass', { o: 'wine glass:flute' }],
  ['two crystal wine glasses', { o: 'wine glass x2', main: 'crystal' }],
  ['a golden chalice', { o: 'wine glass:goblet', main: 'gold' }],
  ['a whiskey glass', { o: 'tumbler:shot' }],
  ['a pint of beer', { o: 'tumbler:pint', ign: ['beer'] }],
  ['a cast iron teapot', { o: 'teapot', main: 'iron' }],
  ['a teapot without a lid', { o: 'teapot', exc: ['lid'] }],
  ['a copper kettle', { o: 'kettle', main: 'copper' }],
  ['a witch cauldron', { o: 'pot:cauldron' }],
  ['a black cast iron cauldron', { o: 'pot:cauldron', main: 'black/iron' }],
  ['a cooking pot with a lid', { o: 'pot', inc: ['lid'] }],
  ['a frying pan', { o: 'frying pan' }],
  ['a steel wok', { o: 'frying pan:wok', main: 'steel' }],
  ['a silver spoon', { o: 'spoon', main: 'silver' }],
  ['a fork with three tines', { o: 'fork', pc: { head: 3 } }],
  ['a kitchen knife with a wooden handle', { o: 'knife:chef', parts: { handle: 'wood' } }],
  ['a butcher cleaver', { o: 'knife:cleaver' }],
  ['a ceramic milk jug', { o: 'pitcher:small', main: 'ceramic' }],
  ['a bamboo cutting board', { o: 'cutting board', main: 'bamboo' }],
  ['a marble rolling pin', { o: 'rolling pin', main: 'marble' }],
  ['a salt shaker and a pepper mill', { o: ['salt shaker', 'pepper mill'] }],
  ['a wooden serving tray', { o: 'tray', main: 'wood' }],
  ['a soup ladle', { o: 'ladle' }],
  ['a pair of chopsticks', { o: 'chopsticks' }],

  // --- containers -----------------------------------------------------------------------------------
  ['an old wooden barrel', { o: 'barrel', main: 'wood/antique' }],
  ['a barrel without hoops', { o: 'barrel', exc: ['hoops'] }],
  ['a beer keg', { o: 'barrel:keg' }],
  ['a rusty oil drum', { o: 'barrel:drum', main: 'rusty' }],
  ['a wooden crate', { o: 'crate', main: 'wood' }],
  ['a pirate treasure chest', { o: 'crate:chest' }],
  ['a big cardboard box', { o: 'crate:box', main: 'cardboard', size: 'whd+' }],
  ['a wicker picnic basket', { o: 'basket:picnic', main: 'wicker' }],
  ['a metal bucket', { o: 'bucket', main: 'steel' }],
  ['a burlap sack', { o: 'sack' }],
  ['a money bag', { o: 'sack:money' }],
  ['a green trash can', { o: 'trash can', main: 'green' }],
  ['a leather suitcase', { o: 'suitcase', main: 'leather' }],
  ['a black briefcase', { o: 'suitcase:briefcase', main: 'black' }],
  ['a red hiking backpack', { o: 'backpack', main: 'red' }],
  ['a soda can', { o: 'tin can:soda' }],
  ['a rusty tin can', { o: 'tin can', main: 'aluminium/rusty' }],
  ['a green watering can', { o: 'watering can', main: 'green' }],
  ['a red jerry can', { o: 'jerrycan', main: 'red' }],

  // --- decor ---------------------------------------------------------------------------------------------
  ['a blue porcelain vase', { o: 'vase', main: 'blue/porcelain' }],
  ['a tall slim vase', { o: 'vase', size: 'h+ w-' }],
  ['an ancient greek amphora', { o: 'vase', main: 'antique' }],
  ['a cracked clay pot', { o: 'pot', main: 'ceramic/cracked' }],
  ['a gold picture frame', { o: 'picture frame', main: 'gold' }],
  ['an oil painting in a gilded frame', { o: 'picture frame:painting', parts: { frame: 'gold' } }],
  ['a wall clock', { o: 'clock:wall' }],
  ['an antique grandfather clock', { o: 'clock:grandfather', main: 'antique' }],
  ['a vintage world globe', { o: 'globe', styles: ['retro'] }],
  ['an hourglass with red sand', { o: 'hourglass', parts: { sand: 'red' } }],
  ['a gold trophy', { o: 'trophy', main: 'gold' }],
  ['a persian rug', { o: 'rug:rect' }],
  ['a round red carpet', { o: 'rug:round', main: 'red' }],
  ['a striped throw pillow', { o: 'pillow', main: '~stripes' }],
  ['two velvet cushions', { o: 'pillow x2', main: 'velvet' }],
  ['a bronze church bell', { o: 'bell', main: 'bronze' }],
  ['a snow globe', { o: 'snow globe' }],
  ['a crystal ball', { o: 'snow globe:crystal', main: 'crystal' }],
  ['an oval mirror with a gold frame', { o: 'mirror:oval', parts: { frame: 'gold' } }],
  ['a marble bust', { o: 'bust', main: 'marble' }],
  ['a bronze statue', { o: 'bust:statue', main: 'bronze' }],

  // --- books and writing ---------------------------------------------------------------------------
  ['a red leather book', { o: 'book', main: 'red/leather' }],
  ['an open book', { o: 'book:open' }],
  ['a thick spellbook', { o: 'book:tome' }],
  ['a pile of books', { o: 'book x5' }],
  ['three books on a shelf', { o: ['book x3', 'bookshelf'], rel: ['0 on 1'] }],
  ['an old treasure map', { o: 'scroll:map', main: 'antique' }],
  ['a rolled parchment scroll', { o: 'scroll' }],
  ['a letter with a red wax seal', { o: 'envelope', parts: { seal: 'red/wax' } }],
  ['a yellow pencil', { o: 'pencil', main: 'yellow' }],
  ['a pencil without an eraser', { o: 'pencil', exc: ['eraser'] }],
  ['a feather quill', { o: 'pen:quill' }],
  ['a black fountain pen', { o: 'pen:fountain', main: 'black' }],
  ['a spiral notebook', { o: 'notebook' }],

  // --- tools ---------------------------------------------------------------------------------------------
  ['a claw hammer with a wooden handle', { o: 'hammer', parts: { handle: 'wood' } }],
  ['a sledgehammer', { o: 'hammer:sledge' }],
  ['a rubber mallet', { o: 'hammer:mallet', main: 'rubber' }],
  ['a screwdriver with a red handle', { o: 'screwdriver', parts: { handle: 'red' } }],
  ['a rusty wrench', { o: 'wrench', main: 'rusty' }],
  ['a chrome spanner', { o: 'wrench', main: 'chrome' }],
  ['a hand saw', { o: 'saw' }],
  ['a viking battle axe', { o: 'axe:battle', styles: ['medieval'] }],
  ['a hatchet with a leather grip', { o: 'axe:hatchet', parts: { handle: 'leather' } }],
  ['a garden shovel', { o: 'shovel' }],
  ['a miner pickaxe', { o: 'pickaxe' }],
  ['a garden rake', { o: 'rake' }],
  ['a pitchfork with three prongs', { o: 'rake:fork', pc: { head: 3 } }],
  ['a witch broom', { o: 'broom:witch' }],
  ['a wooden ladder with eight rungs', { o: 'ladder', main: 'wood', pc: { rungs: 8 } }],
  ['an aluminium step ladder', { o: 'ladder:step', main: 'aluminium' }],
  ['a red metal toolbox', { o: 'toolbox', main: 'red/steel' }],
  ['a pair of scissors', { o: 'scissors' }],
  ['a paint brush', { o: 'paintbrush' }],
  ['a brass magnifying glass', { o: 'magnifying glass', main: 'brass' }],
  ['an ornate skeleton key', { o: 'key:skeleton', styles: ['victorian'] }],
  ['a golden key', { o: 'key', main: 'gold' }],
  ['a rusty padlock', { o: 'padlock', main: 'rusty' }],
  ['a black flashlight', { o: 'flashlight', main: 'black' }],

  // --- weapons and armour ---------------------------------------------------------------------------
  ['a sword with a golden hilt', { o: 'sword', parts: { guard: 'gold', grip: 'gold', pommel: 'gold' } }],
  ['a steel longsword', { o: 'sword', main: 'steel' }],
  ['a katana with a black grip', { o: 'sword:katana', parts: { grip: 'black' } }],
  ['an elven dagger', { o: 'sword:dagger' }],
  ['a rusty broken sword', { o: 'sword', main: 'rusty/cracked' }],
  ['a glowing blue sword', { o: 'sword', main: 'blue/glowing' }],
  ['a pirate cutlass', { o: 'sword', fb: 'related' }],
  ['a round wooden shield', { o: 'shield:round', main: 'wood' }],
  ['a viking shield with an iron boss', { o: 'shield:round', parts: { boss: 'iron' }, styles: ['medieval'] }],
  ['a red and white shield', { o: 'shield', main: 'red+white' }],
  ['a shield without a rim', { o: 'shield', exc: ['rim'] }],
  ['a long spear', { o: 'spear', size: 'w+' }],
  ['a golden trident', { o: 'trident', main: 'gold' }],
  ['a halberd', { o: 'halberd' }],
  ['the grim reaper scythe', { o: 'halberd:scythe' }],
  ['a wooden longbow', { o: 'bow:long', main: 'wood' }],
  ['a quiver of arrows', { o: 'arrow x3' }],
  ['an arrow with red feathers', { o: 'arrow', parts: { fletching: 'red' } }],
  ['a spiked mace', { o: 'mace:spiked' }],
  ['a knight helmet', { o: 'helmet:knight' }],
  ['a horned viking helmet', { o: 'helmet:viking' }],
  ['a yellow hard hat', { o: 'helmet:hard', main: 'yellow' }],
  ['a suit of armor', { o: 'armor' }],
  ['a steel breastplate without pauldrons', { o: 'armor', main: 'steel', exc: ['pauldrons'] }],
  ['a wizard staff with a glowing orb', { o: 'staff:wizard', parts: { orb: 'glowing' } }],
  ['a magic wand', { o: 'wand' }],
  ['a crossbow', { o: 'crossbow' }],
  ['a pirate cannon', { o: 'cannon' }],
  ['a black bomb', { o: 'bomb', main: 'black' }],
  ['a stick of dynamite', { o: 'bomb:dynamite' }],

  // --- instruments ----------------------------------------------------------------------------------
  ['an acoustic guitar', { o: 'guitar:acoustic' }],
  ['a red electric guitar', { o: 'guitar:electric', main: 'red' }],
  ['a ukulele', { o: 'guitar:ukulele' }],
  ['a violin', { o: 'violin' }],
  ['a cello', { o: 'violin:cello' }],
  ['a snare drum', { o: 'drum:snare' }],
  ['a drum with sticks', { o: 'drum', inc: ['sticks'] }],
  ['a black grand piano', { o: 'piano:grand', main: 'black' }],
  ['a white upright piano', { o: 'piano:upright', main: 'white' }],
  ['a brass trumpet', { o: 'trumpet', main: 'brass' }],
  ['a trombone', { o: 'trumpet:trombone' }],
  ['a silver flute', { o: 'flute', main: 'silver' }],
  ['a golden saxophone', { o: 'saxophone', main: 'gold' }],
  ['a harp with twelve strings', { o: 'harp', pc: { strings: 12 } }],
  ['a xylophone', { o: 'xylophone' }],
  ['a pair of maracas', { o: 'maracas' }],
  ['a tambourine', { o: 'tambourine' }],
  ['a bassoon', { o: 'flute', fb: 'wordnet' }],
  ['an accordion', { o: 'piano', fb: 'wordnet' }],

  // --- toys and games -------------------------------------------------------------------------------
  ['a brown teddy bear', { o: 'teddy bear', main: 'brown' }],
  ['a teddy bear with a red bow', { o: 'teddy bear', parts: { bow: 'red' } }],
  ['a pair of dice', { o: 'dice x2' }],
  ['two red dice', { o: 'dice x2', main: 'red' }],
  ['a white chess pawn', { o: 'chess piece:pawn', main: 'white' }],
  ['a black knight chess piece', { o: 'chess piece', main: 'black' }],
  ['a chess board', { o: 'chessboard' }],
  ['a wooden spinning top', { o: 'yoyo:top', main: 'wood' }],
  ['a yo-yo', { o: 'yoyo' }],
  ['a colorful kite', { o: 'kite' }],
  ['a cute robot', { o: 'robot', styles: ['cartoon'] }],
  ['a giant mech', { o: 'robot:big' }],
  ['a rocking horse', { o: 'rocking horse' }],
  ['a pile of toy blocks', { o: 'toy blocks x5' }],
  ['a red balloon', { o: 'balloon', main: 'red' }],
  ['five balloons', { o: 'balloon x5' }],

  // --- clothing -------------------------------------------------------------------------------------------
  ['a black top hat', { o: 'hat:top', main: 'black' }],
  ['a cowboy hat', { o: 'hat:cowboy' }],
  ['a purple wizard hat', { o: 'hat:wizard', main: 'purple' }],
  ['a red baseball cap', { o: 'hat:cap', main: 'red' }],
  ['a straw hat', { o: 'hat:sun', main: 'wicker' }],
  ['a pair of white sneakers', { o: 'shoe:sneaker x2', main: 'white' }],
  ['brown leather boots', { o: 'shoe:boot x2', main: 'brown/leather' }],
  ['a red high heel', { o: 'shoe:heel', main: 'red' }],
  ['wool socks', { o: 'sock x2', main: 'wool' }],
  ['a christmas stocking', { o: 'sock:stocking' }],
  ['a red and white striped scarf', { o: 'scarf', main: 'red+white/~stripes' }],
  ['a plaid blanket', { o: 'scarf:towel', main: '~plaid' }],
  ['a blue t-shirt', { o: 't-shirt', main: 'blue' }],
  ['a green hoodie', { o: 't-shirt:sweater', main: 'green' }],
  ['a pair of sunglasses', { o: 'glasses:sun' }],
  ['round glasses with gold frames', { o: 'glasses', parts: { frame: 'gold' } }],
  ['a black umbrella', { o: 'umbrella', main: 'black' }],
  ['a leather handbag', { o: 'handbag', main: 'leather' }],
  ['a brown leather wallet', { o: 'handbag:wallet', main: 'brown/leather' }],
  ['a polka dot bow tie', { o: 'necktie:bow', main: '~dots' }],
  ['a silk necktie', { o: 'necktie', main: 'silk' }],

  // --- jewellery ------------------------------------------------------------------------------------------
  ['a gold ring with a diamond', { o: 'ring', main: 'gold', inc: [] }],
  ['a silver ring with a blue sapphire', { o: 'ring', main: 'silver', parts: { gem: 'blue' } }],
  ['a wedding ring', { o: 'ring:band' }],
  ['a pearl necklace', { o: 'necklace:pearls', main: 'pearl' }],
  ['a golden amulet', { o: 'necklace:pendant', main: 'gold' }],
  ['a silver bracelet', { o: 'necklace:bracelet', main: 'silver' }],
  ['a jeweled gold crown', { o: 'crown', main: 'gold' }],
  ['a silver tiara', { o: 'crown:tiara', main: 'silver' }],
  ['a red ruby', { o: 'gem', main: 'red' }],
  ['a green emerald', { o: 'gem:emerald', main: 'green' }],
  ['a pile of gold coins', { o: 'coin x5', main: 'gold' }],
  ['a pocket watch', { o: 'watch:pocket' }],
  ['a wristwatch with a leather strap', { o: 'watch', parts: { strap: 'leather' } }],

  // --- food and fruit ----------------------------------------------------------------------------------
  ['a red apple', { o: 'apple', main: 'red' }],
  ['a green apple', { o: 'apple:green', main: '*' }],
  ['an apple without a leaf', { o: 'apple', exc: ['leaf'] }],
  ['two oranges', { o: 'orange x2' }],
  ['three pears in a bowl', { o: ['pear x3', 'bowl'], rel: ['0 in 1'] }],
  ['a fruit bowl', { o: 'bowl:salad' }],
  ['a bowl full of cherries', { o: ['bowl', 'cherry x3'], rel: ['1 in 0'] }],
  ['a ripe peach', { o: 'peach', ign: ['ripe'] }],
  ['a tomato', { o: 'tomato' }],
  ['a carved halloween pumpkin', { o: 'pumpkin' }],
  ['a jack o lantern', { o: 'pumpkin' }],
  ['a lemon and a lime', { o: ['lemon', 'lemon:lime'] }],
  ['a bunch of bananas', { o: 'banana x5' }],
  ['a bunch of grapes', { o: 'grapes' }],
  ['purple grapes', { o: 'grapes:purple', main: '*' }],
  ['a slice of watermelon', { o: 'watermelon' }],
  ['a pineapple', { o: 'pineapple' }],
  ['an orange carrot', { o: 'carrot', main: 'orange' }],
  ['a red mushroom with white spots', { o: 'mushroom', main: 'red+white/~spots' }],
  ['a fly agaric', { o: 'mushroom:toadstool' }],
  ['a loaf of bread', { o: 'bread' }],
  ['a french baguette', { o: 'bread:baguette' }],
  ['a chocolate birthday cake with candles', { o: 'cake:birthday', main: 'chocolate', inc: ['candles'] }],
  ['a three tier wedding cake', { o: 'cake:tiered', pc: { sponge: 3 } }],
  ['a strawberry cupcake', { o: 'cupcake' }],
  ['a pink frosted donut', { o: 'donut', main: 'pink/matte' }],
  ['a pepperoni pizza', { o: 'pizza', inc: ['toppings'] }],
  ['a slice of pizza', { o: 'pizza:slice' }],
  ['three slices of pizza', { o: 'pizza:slice x3' }],
  ['two pieces of cake', { o: 'cake x2', ign: [] }],
  ['a cheeseburger', { o: 'burger' }],
  ['an ice cream cone with three scoops', { o: 'ice cream', pc: { scoops: 3 } }],
  ['a wedge of cheese', { o: 'cheese' }],
  ['a fried egg', { o: 'egg:fried' }],
  ['a golden dragon egg', { o: 'egg:dragon', main: 'gold' }],
  ['a chocolate chip cookie', { o: 'cookie', main: '*' }],
  ['a candy cane', { o: 'lollipop:cane' }],
  ['a red lollipop', { o: 'lollipop', main: 'red' }],
  ['a granny smith', { o: 'apple:green', fb: 'wordnet' }],
  ['a salted pretzel', { o: 'cookie', fb: 'wordnet' }],

  // --- plants and flowers ---------------------------------------------------------------------------
  ['a tall pine tree', { o: 'tree:conifer', size: 'h+' }],
  ['an old oak tree', { o: 'tree:broadleaf', main: 'antique' }],
  ['a cherry tree', { o: 'tree:broadleaf' }],
  ['a low-poly tree', { o: 'tree', styles: ['low-poly'] }],
  ['a dead tree without leaves', { o: 'tree', exc: ['canopy'] }],
  ['a red rose', { o: 'flower:rose', main: 'red' }],
  ['a yellow sunflower', { o: 'flower:sunflower', main: 'yellow' }],
  ['a bouquet of tulips', { o: ['flower:bouquet', 'flower:tulip x3'], rel: ['1 in 0'] }],
  ['a cactus in a terracotta pot', { o: 'cactus', parts: { pot: 'terracotta' } }],
  ['a small succulent', { o: 'cactus:succulent', size: 'whd-' }],
  ['a potted fern', { o: 'potted plant:fern' }],
  ['a bonsai tree', { o: 'potted plant:bonsai' }],
  ['a green bush', { o: 'bush', main: 'green' }],
  ['a hedge', { o: 'bush:hedge' }],
  ['a palm tree with coconuts', { o: 'palm tree', inc: ['coconuts'] }],
  ['a mossy boulder', { o: 'rock:boulder', main: 'mossy' }],
  ['a tree stump', { o: 'rock:stump' }],
  ['a birch tree', { o: 'tree:broadleaf' }],

  // --- animals ------------------------------------------------------------------------------------------
  ['a golden retriever', { o: 'dog', fb: 'wordnet' }],
  ['a black labrador', { o: 'dog', main: 'black' }],
  ['a dalmatian puppy', { o: 'dog', main: '~spots' }],
  ['a german shepherd', { o: 'dog', fb: 'wordnet' }],
  ['a black cat', { o: 'cat', main: 'black' }],
  ['a ginger kitten', { o: 'cat:baby', main: 'ginger' }],
  ['a cat under a table', { o: ['cat', 'table'], rel: ['0 under 1'] }],
  // "the" + a family already named refers back to it.
  ['a table and a lamp on the table', { o: ['table', 'lamp'], rel: ['1 on 0'] }],
  ['a bowl on a table and an apple in the bowl', { o: ['bowl', 'table', 'apple'], rel: ['0 on 1', '2 in 0'] }],
  [
    'a round table with four chairs, a lamp beside the table and three apples in a bowl on the table',
    { o: ['table:round', 'chair x4', 'lamp', 'apple x3', 'bowl'], rel: ['1 with 0', '2 beside 0', '3 in 4', '4 on 0'] },
  ],
  ['a white horse', { o: 'horse', main: 'white' }],
  ['a unicorn', { o: 'horse:unicorn' }],
  ['a brown cow', { o: 'cow', main: 'brown' }],
  ['a pink pig', { o: 'pig', main: 'pink' }],
  ['a fluffy white sheep', { o: 'sheep', main: 'white' }],
  ['a reindeer', { o: 'deer' }],
  ['a grey elephant', { o: 'elephant', main: 'grey' }],
  ['a polar bear', { o: 'bear:polar' }],
  ['a panda bear', { o: 'bear:panda' }],
  ['a lion', { o: 'lion' }],
  ['a tiger', { o: 'tiger' }],
  ['a zebra', { o: 'zebra' }],
  ['a giraffe', { o: 'giraffe' }],
  ['a white rabbit', { o: 'rabbit', main: 'white' }],
  ['a little grey mouse', { o: 'mouse', main: 'grey', size: 'whd-' }],
  ['a red fox', { o: 'fox', main: 'red' }],
  ['a grey wolf', { o: 'wolf', main: 'grey' }],
  ['a camel', { o: 'camel' }],
  ['a hippo', { o: 'hippo' }],
  ['a rhino', { o: 'rhino' }],
  ['a squirrel', { o: 'squirrel' }],
  ['a green dragon with red wings', { o: 'dragon', main: 'green', parts: { wings: 'red' } }],
  ['a t-rex', { o: 'dragon' }],
  ['a blue bird', { o: 'bird', main: 'blue' }],
  ['a robin', { o: 'bird' }],
  ['a chicken', { o: 'chicken' }],
  ['a yellow rubber duck', { o: 'duck', main: 'yellow/rubber' }],
  ['a white swan', { o: 'swan', main: 'white' }],
  ['a snowy owl', { o: 'owl' }],
  ['a penguin', { o: 'penguin' }],
  ['a colorful parrot', { o: 'parrot' }],
  ['a bald eagle', { o: 'eagle' }],
  ['a pink flamingo', { o: 'flamingo', main: 'pink' }],
  ['a fish', { o: 'fish' }],
  ['an orange goldfish', { o: 'goldfish', main: 'orange' }],
  ['a great white shark', { o: 'shark', main: '*' }],
  ['a killer whale', { o: 'whale' }],
  ['a dolphin', { o: 'dolphin' }],
  ['an ant', { o: 'ant' }],
  ['a bumblebee', { o: 'bee' }],
  ['a blue butterfly', { o: 'butterfly', main: 'blue' }],
  ['a red ladybug', { o: 'beetle', main: 'red' }],
  ['a hairy tarantula', { o: 'spider' }],
  ['a green snake', { o: 'snake', main: 'green' }],
  ['a sea turtle', { o: 'turtle' }],
  ['a green frog', { o: 'frog', main: 'green' }],
  ['a red crab', { o: 'crab', main: 'red' }],
  ['a purple octopus', { o: 'octopus', main: 'purple' }],
  ['a hedgehog', { o: 'mouse', fb: 'wordnet' }],

  // --- vehicles -------------------------------------------------------------------------------------------
  ['a red sports car', { o: 'car:sports', main: 'red' }],
  ['a yellow taxi', { o: 'car:taxi', main: 'yellow' }],
  ['a police car', { o: 'car:sedan' }],
  ['a toy car', { o: 'car:toy' }],
  ['a rusty old pickup truck', { o: 'truck:pickup', main: 'rusty/antique' }],
  ['a red fire truck', { o: 'truck:fire', main: 'red' }],
  ['a yellow school bus', { o: 'bus:school', main: 'yellow' }],
  ['a red double decker bus', { o: 'bus:double', main: 'red' }],
  ['a mountain bike', { o: 'bicycle' }],
  ['a black motorcycle', { o: 'bicycle:motor', main: 'black' }],
  ['a wooden sailboat', { o: 'boat:sail', main: 'wood' }],
  ['a pirate ship with black sails', { o: 'boat:ship', parts: { sails: 'black' } }],
  ['a paper boat', { o: 'boat:toy', main: 'paper' }],
  ['a canoe', { o: 'boat:row' }],
  ['a fighter jet', { o: 'airplane:jet' }],
  ['a biplane', { o: 'airplane:prop' }],
  ['a paper plane', { o: 'airplane:toy', main: 'paper' }],
  ['a military helicopter', { o: 'helicopter' }],
  ['a drone', { o: 'helicopter:drone' }],
  ['a steam locomotive', { o: 'train' }],
  ['a toy train', { o: 'train:toy' }],
  ['a white rocket', { o: 'rocket', main: 'white' }],
  ['a flying saucer', { o: 'rocket:ufo' }],
  ['a spaceship', { o: 'rocket' }],
  ['a hot air balloon', { o: 'hot air balloon' }],
  ['a zeppelin', { o: 'hot air balloon:blimp' }],
  ['a green tractor', { o: 'tractor', main: 'green' }],
  ['a yellow bulldozer', { o: 'tractor:dozer', main: 'yellow' }],
  ['a wooden wheelbarrow', { o: 'cart:barrow', main: 'wood' }],
  ['a horse drawn carriage', { o: ['cart'], ign: ['horse', 'drawn'] }],
  ['a yellow submarine', { o: 'submarine', main: '*' }],

  // --- architecture -----------------------------------------------------------------------------------
  ['a small wooden house', { o: 'house', main: 'wood', size: 'whd-' }],
  ['a log cabin', { o: 'house:cabin' }],
  ['a red barn', { o: 'house:barn', main: 'red' }],
  ['a house without a chimney', { o: 'house', exc: ['chimney'] }],
  ['a house with a red roof', { o: 'house', parts: { roof: 'red' } }],
  ['a stone watchtower', { o: 'tower', main: 'stone' }],
  ['a wizard tower', { o: 'tower:round' }],
  ['a medieval castle', { o: 'castle', styles: ['medieval'] }],
  ['a sandcastle', { o: 'castle:sand' }],
  ['a red and white lighthouse', { o: 'lighthouse', main: 'red+white' }],
  ['a dutch windmill', { o: 'windmill' }],
  ['a wind turbine', { o: 'windmill:turbine' }],
  ['a stone bridge', { o: 'bridge', main: 'stone' }],
  ['a white picket fence', { o: 'fence:picket', main: 'white' }],
  ['an arched wooden door', { o: 'door:arched', main: 'wood' }],
  ['a red door with a brass knocker', { o: 'door', main: 'red', parts: { handle: 'brass' } }],
  ['a marble column', { o: 'column', main: 'marble' }],
  ['a wishing well', { o: 'well' }],
  ['a camping tent', { o: 'tent' }],
  ['an igloo', { o: 'tent:igloo' }],
  ['a glass skyscraper', { o: 'skyscraper', main: 'glass' }],
  ['an egyptian pyramid', { o: 'pyramid' }],
  ['a dog house', { o: 'house' }],

  // --- electronics --------------------------------------------------------------------------------------
  ['an old tv', { o: 'television:crt', main: '*' }],
  ['a flat screen tv', { o: 'television:flat' }],
  ['a computer monitor', { o: 'television:monitor' }],
  ['a silver laptop', { o: 'laptop', main: 'silver' }],
  ['a black smartphone', { o: 'phone', main: 'black' }],
  ['a tablet', { o: 'phone:tablet' }],
  ['a red telephone', { o: 'phone:desk', main: 'red' }],
  ['a tv remote', { o: 'phone:remote' }],
  ['white headphones', { o: 'headphones', main: 'white' }],
  ['a vintage camera', { o: 'camera', styles: ['retro'] }],
  ['a retro radio', { o: 'radio', styles: ['retro'] }],
  ['a game controller', { o: 'game controller' }],
  ['a toaster', { o: 'appliance:toaster' }],
  ['a stainless steel fridge', { o: 'appliance:fridge', main: 'steel' }],
  ['a microwave', { o: 'appliance:microwave' }],
  ['a desk fan', { o: 'fan' }],

  // --- sports ----------------------------------------------------------------------------------------------
  ['a soccer ball', { o: 'ball:soccer' }],
  ['an orange basketball', { o: 'ball:basketball', main: 'orange' }],
  ['three tennis balls', { o: 'ball:tennis x3' }],
  ['a beach ball', { o: 'ball:beach' }],
  ['a wooden baseball bat', { o: 'baseball bat', main: 'wood' }],
  ['a hockey stick', { o: 'baseball bat:hockey' }],
  ['a tennis racket', { o: 'racket' }],
  ['a ping pong paddle', { o: 'racket:paddle' }],
  ['a skateboard', { o: 'skateboard' }],
  ['a blue surfboard', { o: 'skateboard:surf', main: 'blue' }],
  ['a pair of skis', { o: 'skateboard:ski' }],
  ['a pair of dumbbells', { o: 'dumbbell x2' }],
  ['a kettlebell', { o: 'dumbbell:kettle' }],
  ['ten bowling pins', { o: 'bowling pin x10' }],
  ['a red frisbee', { o: 'frisbee', main: 'red' }],
  ['a hockey puck', { o: 'frisbee:puck' }],

  // --- scenes and relations -------------------------------------------------------------------------
  ['two oranges in a wooden bowl', { o: ['orange x2', 'bowl'], main: ['', 'wood'], rel: ['0 in 1'] }],
  ['a lamp next to an armchair', { o: ['lamp', 'chair:armchair'], rel: ['0 beside 1'] }],
  ['a vase on a table', { o: ['vase', 'table'], rel: ['0 on 1'] }],
  ['a red vase on a white table', { o: ['vase', 'table'], main: ['red', 'white'], rel: ['0 on 1'] }],
  ['a lamp on a red table', { o: ['lamp', 'table'], main: ['', 'red'], rel: ['0 on 1'] }],
  ['a candle on top of a book', { o: ['candle', 'book'], rel: ['0 on 1'] }],
  ['a dog in front of a house', { o: ['dog', 'house'], rel: ['0 front 1'] }],
  ['a cat sitting on a red cushion', { o: ['cat', 'pillow'], main: ['', 'red'], rel: ['0 on 1'] }],
  ['a sword behind a shield', { o: ['sword', 'shield'], rel: ['0 behind 1'] }],
  ['a chair to the left of a desk', { o: ['chair', 'table:desk'], rel: ['0 left 1'] }],
  ['a tree to the right of a house', { o: ['tree', 'house'], rel: ['0 right 1'] }],
  ['a rug under a table', { o: ['rug', 'table'], rel: ['0 under 1'] }],
  ['an apple beside a banana', { o: ['apple', 'banana'], rel: ['0 beside 1'] }],
  ['a table with a vase of flowers', { o: ['table', 'vase', 'flower x3'], rel: ['1 with 0', '2 in 1'] }],
  ['a basket full of apples', { o: ['basket', 'apple x3'], rel: ['1 in 0'] }],
  ['a bowl with three apples', { o: ['bowl', 'apple x3'], rel: ['1 with 0'] }],
  ['a chair and a table', { o: ['chair', 'table'] }],
  ['a red chair and a blue table', { o: ['chair', 'table'], main: ['red', 'blue'] }],
  ['four chairs around a round table', { o: ['chair x4', 'table:round'], rel: ['0 around 1'] }],
  ['a mug on a desk next to a laptop', { o: ['mug', 'table:desk', 'laptop'], rel: ['0 on 1', '1 beside 2'] }],
  ['a cup of coffee on a saucer', { o: ['mug', 'plate:saucer'], rel: ['0 on 1'], ign: ['coffee'] }],
  ['a candle inside a lantern', { o: ['candle', 'lantern'], rel: ['0 in 1'] }],
  ['a robot holding a sword', { o: ['robot', 'sword'], rel: ['1 in 0'] }],
  ['a teapot and two cups on a tray', { o: ['teapot', 'mug x2', 'tray'], rel: ['1 on 2'] }],
  ['a skull on a stack of old books', { o: ['book x4'], main: 'antique', ign: ['skull'] }],
  ['a low-poly tree next to a rock', { o: ['tree', 'rock'], rel: ['0 beside 1'], styles: ['low-poly'] }],
  ['a fish in a glass bowl', { o: ['fish', 'bowl'], main: ['', 'glass'], rel: ['0 in 1'] }],
  ['a bird on a branch', { o: ['bird', 'tree'], rel: ['0 on 1'] }],
  ['a clock above a fireplace', { o: ['clock'], ign: ['fireplace'] }],
  ['three pumpkins, modern style', { o: 'pumpkin x3', styles: ['modern'] }],
  ['a red apple and a green pear on a plate', { o: ['apple', 'pear', 'plate'], main: ['red', 'green', ''], rel: ['1 on 2'] }],
  ['a chair beneath a tree', { o: ['chair', 'tree'], rel: ['0 under 1'] }],
  ['a potted plant near the window', { o: ['potted plant'], ign: ['window'] }],

  // --- negative prompts ----------------------------------------------------------------------------------
  ['a chair', { o: 'chair', neg: 'red, legs', exc: [] }],
  ['a red and blue chair', { o: 'chair', neg: 'blue', main: 'red' }],
  ['an armchair', { o: 'chair:armchair', neg: 'armrests', exc: ['armrests'] }],
  ['a rusty iron sword', { o: 'sword', neg: 'rusty', main: 'iron' }],
  ['a wooden table', { o: 'table', neg: 'wood', main: '' }],
  ['a teapot', { o: 'teapot', neg: 'lid, handle', exc: ['lid', 'handle'] }],
  ['a modern lamp', { o: 'lamp', neg: 'modern', styles: [] }],
  ['a striped scarf', { o: 'scarf', neg: 'stripes', main: '' }],
  ['a bookshelf', { o: 'bookshelf', neg: 'books', exc: ['books'] }],
  ['a cake', { o: 'cake', neg: 'candles', exc: ['candles'] }],
  ['a tree', { o: 'tree', neg: 'leaves', exc: ['canopy'] }],
  ['a bed', { o: 'bed', neg: 'pillows, blanket', exc: ['blanket', 'pillows'] }],

  // --- WordNet and other fallbacks ---------------------------------------------------------------
  ['a saxophone', { o: 'saxophone' }],
  ['a poodle', { o: 'dog' }],
  ['a beagle', { o: 'dog', fb: 'wordnet' }],
  ['a siamese cat', { o: 'cat' }],
  ['a stallion', { o: 'horse' }],
  ['a raven', { o: 'bird' }],
  ['a hummingbird', { o: 'bird' }],
  ['a trout', { o: 'fish' }],
  ['a banjo', { o: 'guitar:banjo' }],
  ['a mandolin', { o: 'guitar:ukulele' }],
  ['a clarinet', { o: 'flute:clarinet' }],
  ['a footstool', { o: 'chair:stool', fb: 'compound' }],
  ['a recliner', { o: 'chair', fb: 'related' }],
  ['a scimitar', { o: 'sword', fb: 'related' }],
  ['a machete', { o: 'sword', fb: 'related' }],
  ['a goblet of wine', { o: 'wine glass:goblet', ign: ['wine'] }],
  ['a stein', { o: 'mug', fb: 'related' }],
    ['a tuba', { o: 'trumpet:tuba' }],
  ['a cottage', { o: 'house:cottage' }],

  // --- misspellings ---------------------------------------------------------------------------------------
  ['a red chiar', { o: 'chair', main: 'red', fb: 'spelling' }],
  ['a wooden tabel', { o: 'table', main: 'wood', fb: 'spelling' }],
  ['a guitarr', { o: 'guitar', fb: 'spelling' }],
  ['a blue elephent', { o: 'elephant', main: 'blue', fb: 'spelling' }],
  ['a pinapple', { o: 'pineapple', fb: 'spelling' }],
  ['a giraff', { o: 'giraffe', fb: 'spelling' }],
  ['a treasure chset', { o: 'crate:chest', fb: 'spelling' }],
  ['a sowrd with a golden hilt', { o: 'sword', fb: 'spelling', parts: { guard: 'gold', grip: 'gold', pommel: 'gold' } }],

  // --- capitals, punctuation and numbers ---------------------------------------------------------
  ['A RED CHAIR', { o: 'chair', main: 'red' }],
  ['Dark-blue ceramic vase.', { o: 'vase', main: 'dark blue/ceramic' }],
  ['chair, red, wooden', { o: 'chair', main: 'red/wood' }],
  ['12 candles', { o: 'candle x12' }],
  ['twenty apples', { o: 'apple x20' }],
  ['a hundred coins', { o: 'coin x24' }],
  ['a dozen eggs', { o: 'egg x12' }],
  ['several barrels', { o: 'barrel x4' }],
  ['a couple of chairs', { o: 'chair x2' }],
  ['a few rocks', { o: 'rock x3' }],
  ['a light blue chair', { o: 'chair', main: 'light blue' }],
  ['a lime green chair', { o: 'chair', main: 'lime green' }],
  ['a navy blue sofa', { o: 'sofa', main: 'navy blue' }],
  ['a baby blue teddy bear', { o: 'teddy bear', main: 'baby blue' }],
  ['a pastel pink vase', { o: 'vase', main: 'pastel pink' }],
  ['a bright yellow raincoat', { o: 't-shirt:sweater', main: 'bright yellow' }],
  ['a black and gold vase', { o: 'vase', main: 'black+gold' }],
  ['a chair made of oak', { o: 'chair', main: 'oak' }],
  ['a cup carved from jade', { o: 'mug', main: 'jade' }],
  ['a chair in dark blue', { o: 'chair', main: 'dark blue' }],
  ['a table in a rustic style', { o: 'table', styles: ['rustic'] }],
  ['a huge wooden barrel', { o: 'barrel', main: 'wood', size: 'whd+' }],
  ['a tiny golden key', { o: 'key', main: 'gold', size: 'whd-' }],

  // --- prompts that name no object --------------------------------------------------------------
  ['asdfgh qwerty', { throws: [] }],
  ['something beautiful', { throws: [] }],
  ['the meaning of life', { throws: [] }],
  ['a red and shiny one', { throws: [] }],
  ['happiness', { throws: [] }],
  ['a feeling of calm', { throws: [] }],
  ['', { throws: [] }],
  ['a cable', { throws: ['table'] }],
  ['a lemur', { throws: [] }],
  ['an abstract idea', { throws: [] }],
];

/** An object as `family[:variant][ xN]`, with the variant only when the expectation names one. */
function objectLabel(o: ObjectSpec, expected: string | undefined): string {
  const withVariant = expected?.includes(':');
  let label = o.family;
  if (withVariant) label += `:${o.variant ?? '-'}`;
  if (o.count !== 1) label += ` x${o.count}`;
  return label;
}

/** A style as `colour[+colour2][/material][/finish…][/~pattern]`. */
function styleLabel(s: Style | undefined): string {
  if (!s) return '';
  const color = [s.color?.name, s.color2?.name].filter(Boolean).join('+');
  return [color, s.material, ...(s.finishes ?? []), s.pattern && `~${s.pattern}`].filter(Boolean).join('/');
}

/** Size multipliers as axis letters with + or - ('h+ w-'); axes at 1 are left out. */
function sizeLabel(size: ObjectSpec['size']): string {
  const grow = ['width', 'height', 'depth'].filter((k) => size[k as 'width'] > 1).map((k) => k[0]);
  const shrink = ['width', 'height', 'depth'].filter((k) => size[k as 'width'] < 1).map((k) => k[0]);
  return [grow.length ? `${grow.join('')}+` : '', shrink.length ? `${shrink.join('')}-` : '']
    .filter(Boolean)
    .join(' ');
}

/** Expected size in the same form, whatever order the axes are written in. */
function normaliseSize(size: string): string {
  const order = 'whd';
  const parts = size.split(/\s+/).filter(Boolean);
  const sign = (s: '+' | '-') =>
    parts
      .filter((p) => p.endsWith(s))
      .map((p) => p.slice(0, -1))
      .join('')
      .split('')
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .join('');
  const grow = sign('+');
  const shrink = sign('-');
  return [grow && `${grow}+`, shrink && `${shrink}-`].filter(Boolean).join(' ');
}

function relationLabels(spec: Spec): string[] {
  return spec.relations.map((r) => `${r.subject} ${r.kind} ${r.target}`).sort();
}

function check(spec: Spec, e: Expect): void {
  const expectedObjects = typeof e.o === 'string' ? [e.o] : e.o;
  if (expectedObjects[0] !== '*') {
    assert.deepEqual(
      spec.objects.map((o, i) => objectLabel(o, expectedObjects[i])),
      expectedObjects,
      'objects',
    );
  }
  const mains = e.main === undefined ? [''] : typeof e.main === 'string' ? [e.main] : e.main;
  mains.forEach((m, i) => {
    if (m !== '*') assert.equal(styleLabel(spec.objects[i]?.main), m, `main style of object ${i}`);
  });
  const first = spec.objects[0];
  for (const [group, s] of Object.entries(e.parts ?? {}))
    assert.equal(styleLabel(first.parts[group]), s, `style of ${group}`);
  if (e.pc) assert.deepEqual(first.partCounts, e.pc, 'part counts');
  if (e.inc) for (const g of e.inc) assert.ok(first.include.includes(g), `${g} asked for`);
  if (e.inc?.length === 0) assert.deepEqual(first.include, [], 'nothing asked for');
  if (e.exc) assert.deepEqual([...first.exclude].sort(), [...e.exc].sort(), 'parts removed');
  assert.equal(sizeLabel(first.size), normaliseSize(e.size ?? ''), 'size');
  assert.deepEqual(first.styles, e.styles ?? [], 'styles');
  assert.deepEqual(relationLabels(spec), [...(e.rel ?? [])].sort(), 'relations');
  if (e.fb) assert.equal(spec.fallback?.method, e.fb, 'fallback');
  if (e.ign) assert.deepEqual(spec.ignored, e.ign, 'ignored words');
  assert.ok(spec.confidence > 0 && spec.confidence <= 1, 'confidence');
}

describe('interpretPrompt on hand-written prompts', () => {
  test('the table has at least 300 prompts', () => assert.ok(ROWS.length >= 300, `${ROWS.length}`));

  for (const [prompt, e] of ROWS) {
    const name = `${JSON.stringify(prompt)}${e.neg ? ` − ${JSON.stringify(e.neg)}` : ''}`;
    test(name, () => {
      if ('throws' in e) {
        assert.throws(
          () => interpretPrompt(prompt, { negativePrompt: e.neg }),
          (err: unknown) => {
            assert.ok(err instanceof PromptNotUnderstoodError, String(err));
            assert.equal(err.code, 'PROMPT_NOT_UNDERSTOOD');
            assert.ok(err.suggestions.length <= 5);
            for (const s of e.throws)
              assert.ok(err.suggestions.includes(s), `suggests ${s}: ${err.suggestions}`);
            return true;
          },
        );
        return;
      }
      check(interpretPrompt(prompt, { negativePrompt: e.neg }), e);
    });
  }
});
