/** `npm run catalogue`: writes docs/dreamcad-catalogue.md from the dreamcad families and word lists. */
import { writeFileSync } from 'node:fs';
import { renderCatalogue } from '../src/models/dreamcad/catalogue.js';

const out = new URL('../docs/dreamcad-catalogue.md', import.meta.url);
writeFileSync(out, renderCatalogue());
console.log(`wrote ${out.pathname}`);
