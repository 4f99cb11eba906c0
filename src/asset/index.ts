export * from './asset.js';
export * from './result.js';
