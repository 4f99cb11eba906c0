export { type Camera, fitCamera, VIEW_NAMES, type ViewSpec, viewDirection } from './camera.js';
export { CONTACT_SHEET_DEFAULTS, type ContactSheetOptions, renderContactSheet } from './contact-sheet.js';
export {
  type DecodedTexture,
  RASTERIZE_DEFAULTS,
  type RasterImage,
  type RasterizeOptions,
  rasterizeAsset,
} from './rasterize.js';
export {
  decodeTextures,
  RENDER_THUMBNAIL_DEFAULTS,
  type RenderThumbnailOptions,
  renderThumbnail,
} from './render-thumbnail.js';
