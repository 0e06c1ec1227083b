// One table of superscript digits for the site: axis ticks (10⁻⁶) and numbers in text.
const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** An integer in superscript digits: -12 -> ⁻¹². */
export function superscript(n: number | string): string {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
}

/** Powers of ten for a log axis label: 10⁻⁶. */
export function formatPow10(x: number): string {
  return `10${superscript(Math.round(Math.log10(x)))}`;
}
