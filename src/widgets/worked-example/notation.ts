// How both worked-example figures write their numbers and name their layers.
import type { Lang } from '../../i18n/index.ts';
import { formatNumber } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { paramSymbol, type ParamRef } from './example.ts';

/** Weights, biases and inputs move in steps of 0.05: two decimals. */
export const fmtWeight = (x: number, lang: Lang) => formatNumber(x, lang, 2);
/** Pre-activations z and activations a: three decimals, as in the chapters. */
export const fmtValue = (x: number, lang: Lang) => formatNumber(x, lang, 3);
/** A vector written the way each language writes it: (0,4; 0,5) in Spanish, (0.4, 0.5) in English. */
export const vec = (xs: number[], lang: Lang, f: (x: number, l: Lang) => string = fmtValue) => `(${xs.map((x) => f(x, lang)).join(lang === 'es' ? '; ' : ', ')})`;
/** A factor in a product: negative numbers in parentheses. */
export const factorText = (s: string) => (s.startsWith('−') ? `(${s})` : s);

export function layerNames(s: Strings): string[] {
  return [tr(s, 'widget.workedExample.layer.input'), tr(s, 'widget.workedExample.layer.hidden'), tr(s, 'widget.workedExample.layer.output')];
}

/** A parameter as the selects list it: "w¹₁₂: input 2 → hidden 1". */
export function paramLabel(p: ParamRef, s: Strings): string {
  return tr(s, `widget.workedExample.param.${p.layer}${p.kind}`, { name: paramSymbol(p), j: p.j + 1, k: p.k + 1 });
}
