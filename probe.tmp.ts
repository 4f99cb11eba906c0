import { generateDreamcadAsset } from './src/models/dreamcad/engine.js';
await generateDreamcadAsset('a mouse', { seed: 0 });
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
for (const id of ['mouse', 'dragon', 'armor', 'chair']) { const t = performance.now(); for (let s = 1; s <= 5; s++) await generateDreamcadAsset(`a red wooden ${id}`, { seed: s }); console.log(id, ((performance.now() - t) / 5).toFixed(1), 'ms', mb(), 'MB'); }
