/**
 * Which settings two lab experiments differ in, and how to say it. Only settings that can
 * change the run are compared (speed and "skip ahead" only change how it is watched), and a
 * coefficient counts only where it is used: momentum with the momentum optimiser, α with
 * the activation that has it, the custom scale with a custom initialisation.
 */
import type { Lang } from '../../../i18n/index.ts';
import { formatNumber, formatSci } from '../../kit/format.ts';
import { tr, type Strings } from '../../kit/strings.ts';
import { LAB_SCHEMA, type LabValues } from '../settings.ts';

export type LabKey = keyof LabValues;

/** The settings a comparison looks at, in the order the lab's controls show them. */
export const COMPARED_KEYS = (Object.keys(LAB_SCHEMA) as LabKey[]).filter((k) => k !== 'speed' && k !== 'skip');

/** Whether a setting has any effect on a run with these settings. */
export function inUse(key: LabKey, v: LabValues): boolean {
  switch (key) {
    case 'leakyAlpha':
      return v.activation === 'leakyRelu';
    case 'eluAlpha':
      return v.activation === 'elu';
    case 'residualScale':
      return v.residual;
    case 'initScale':
      return v.init === 'customNormal' || v.init === 'customUniform' || v.init === 'customOrthogonal';
    case 'momentum':
      return v.optimizer === 'momentum';
    case 'beta1':
    case 'beta2':
    case 'eps':
      return v.optimizer === 'adam';
    // The reader's own points replace the generated ones: their count and noise are not used.
    case 'points':
    case 'noise':
      return v.dataset !== 'custom';
    default:
      return true;
  }
}

export interface SettingDiff {
  key: LabKey;
  a: LabValues[LabKey];
  b: LabValues[LabKey];
}

/** The settings in use on either side whose values differ, in control order. */
export function settingDiffs(a: LabValues, b: LabValues): SettingDiff[] {
  return COMPARED_KEYS.filter((k) => a[k] !== b[k] && (inUse(k, a) || inUse(k, b))).map((k) => ({ key: k, a: a[k], b: b[k] }));
}

/** Decimals a setting is shown with: enough for its step (the learning rate goes to 10⁻⁵). */
function digits(key: LabKey): number {
  const spec = LAB_SCHEMA[key];
  if (spec.kind !== 'number') return 0;
  const s = String(spec.step);
  return s.includes('e-') ? Number(s.split('e-')[1]) : s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/** One setting's value in words: «ReLU», «0,03», «sin recorte», «lote completo». */
export function formatSetting(key: LabKey, value: LabValues[LabKey], s: Strings, lang: Lang): string {
  if (typeof value === 'boolean') return tr(s, value ? 'widget.lab.compare.on' : 'widget.lab.compare.off');
  if (typeof value === 'string') return tr(s, `widget.lab.compare.v.${key}.${value}`);
  if (key === 'batch' && value === 0) return tr(s, 'widget.lab.compare.fullBatch');
  if (key === 'clip' && value === 0) return tr(s, 'widget.lab.compare.noClip');
  if (key === 'eps') return formatSci(value, lang, 2);
  if (key === 'testFraction') return `${formatNumber(value * 100, lang, 0)}${lang === 'es' ? ' %' : '%'}`;
  return formatNumber(value, lang, Math.min(6, digits(key)));
}

/** A setting's name in running text ("learning rate"). */
export const settingName = (key: LabKey, s: Strings) => tr(s, `widget.lab.compare.name.${key}`);

/** A pinned run against the current one: «profundidad 10 (ahora 6)». */
export function pinDiffText(d: SettingDiff, s: Strings, lang: Lang): string {
  return tr(s, 'widget.lab.compare.pinDiff', { name: settingName(d.key, s), value: formatSetting(d.key, d.a, s, lang), now: formatSetting(d.key, d.b, s, lang) });
}

/** A difference between A and B: «activación: A Tanh, B ReLU». */
export function abDiffText(d: SettingDiff, s: Strings, lang: Lang): string {
  return tr(s, 'widget.lab.compare.abDiff', { name: settingName(d.key, s), a: formatSetting(d.key, d.a, s, lang), b: formatSetting(d.key, d.b, s, lang) });
}

/**
 * A value for B that differs from A's, so a setting picked in "Add a difference" shows up at
 * once: the next option, the other state, or one step of the number's grid (down at the top).
 */
export function firstOther<K extends LabKey>(key: K, a: LabValues): LabValues[K] {
  const spec = LAB_SCHEMA[key];
  const v = a[key];
  if (spec.kind === 'bool') return !v as LabValues[K];
  if (spec.kind === 'enum') {
    const opts = spec.options as readonly string[];
    return opts[(opts.indexOf(v as string) + 1) % opts.length] as LabValues[K];
  }
  const x = v as number;
  // The learning rate and Adam's ε are explored in factors, not in steps of their grids.
  if (key === 'lr' || key === 'eps') return (x / 10 >= spec.min ? Number((x / 10).toPrecision(6)) : x * 10) as LabValues[K];
  return (x + spec.step <= spec.max ? Number((x + spec.step).toFixed(6)) : x - spec.step) as LabValues[K];
}
