/**
 * The page theme and the colours charts must agree with. It sits below charts/ and kit/
 * so that neither imports the other for it. The surfaces repeat global.css's --bg and
 * --bg-raised: chart text is checked for contrast against both (tests/unit/kit/contrast.test.ts).
 */
export type Theme = 'light' | 'dark';

export const SURFACES: Record<Theme, { bg: string; raised: string; ink: string; muted: string }> = {
  light: { bg: '#fbfaf7', raised: '#ffffff', ink: '#1c1d21', muted: '#4f5360' },
  dark: { bg: '#14161b', raised: '#1c1f26', ink: '#e6e4df', muted: '#a9adb8' },
};

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

const toHex = (rgb: number[]) => '#' + rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('');

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The smallest contrast of a colour against either surface of a theme. */
export function worstContrast(colour: string, theme: Theme): number {
  const s = SURFACES[theme];
  return Math.min(contrast(colour, s.bg), contrast(colour, s.raised));
}

/** Text in charts must reach this against its background (WCAG AA for normal text), with a margin. */
export const TEXT_CONTRAST = 4.6;

/**
 * The same hue, darkened (light theme) or lightened (dark theme) just enough for text:
 * a line may be lighter than text needs to be, but its label may not.
 */
export function legible(colour: string, theme: Theme): string {
  if (!/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(colour)) return colour;
  const rgb = channels(colour);
  const target = theme === 'dark' ? 255 : 0;
  for (let k = 0; k <= 20; k++) {
    const t = k / 20;
    const c = toHex(rgb.map((v) => v + (target - v) * t));
    if (worstContrast(c, theme) >= TEXT_CONTRAST) return c;
  }
  return theme === 'dark' ? '#ffffff' : '#000000';
}
