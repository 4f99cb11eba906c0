/** Colour helpers shared by the writers. Assets hold linear colours; several formats want sRGB. */

/** Clamps to 0–1; NaN (and anything else non-finite below 0) becomes 0. */
export function clamp01(x: number): number {
  return x > 0 ? Math.min(x, 1) : 0;
}

/** The sRGB transfer function (IEC 61966-2-1) on a linear value clamped to 0–1. */
export function linearToSrgb(c: number): number {
  const x = clamp01(c);
  return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
}

/** A linear 0–1 channel as an 8-bit sRGB byte. */
export function srgb8(c: number): number {
  return Math.round(linearToSrgb(c) * 255);
}
