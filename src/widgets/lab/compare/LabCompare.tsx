import type { Lang } from '../../../i18n/index.ts';
import { ghostStyle, type Theme } from '../../charts/index.ts';
import { NumberInput, Select, Toggle } from '../../controls/index.ts';
import { noticeText } from '../../kit/FigureShell.tsx';
import { formatNumber } from '../../kit/format.ts';
import { tr, type Strings } from '../../kit/strings.ts';
import { formatLoss } from '../../series/index.ts';
import { LAB_SCHEMA, type LabValues } from '../settings.ts';
import { sideName } from './ab.ts';
import { abColour } from './overlay.ts';
import { COMPARED_KEYS, abDiffText, firstOther, formatSetting, inUse, pinDiffText, settingDiffs, settingName, type LabKey } from './diff.ts';
import { pinLabel } from './ghosts.ts';
import { MAX_PINS, canPin, type RunHistory } from './pins.ts';
import type { LabCompareModel } from './useLabCompare.ts';

interface Props {
  model: LabCompareModel;
  /** The current run (A) and its settings: what "Pin this run" keeps. */
  view: RunHistory;
  settings: LabValues;
  strings: Strings;
  lang: Lang;
  theme: Theme;
  /** In A/B: each side's status sentence (the lab's status line speaks of A alone). */
  status?: { a: string; b: string } | null;
}

/** The line a chart draws for a pin, as a key next to its name in the list. */
function Swatch({ k, theme }: { k: number; theme: Theme }) {
  const g = ghostStyle(k, theme);
  return (
    <svg class="lab-compare__swatch" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" stroke={g.colour} stroke-width="2" stroke-dasharray={g.dash} />
    </svg>
  );
}

/** A solid line in a side's colour, as the legend's key. */
function Line({ colour }: { colour: string }) {
  return (
    <svg class="lab-compare__swatch" width="22" height="10" viewBox="0 0 22 10">
      <line x1="1" y1="5" x2="21" y2="5" stroke={colour} stroke-width="3" />
    </svg>
  );
}

/** B's value of one setting, as the control that setting has in the lab. */
function BControl<K extends LabKey>({ name, value, onChange, s, lang }: { name: K; value: LabValues[K]; onChange(v: LabValues[K]): void; s: Strings; lang: Lang }) {
  const spec = LAB_SCHEMA[name];
  const label = tr(s, 'widget.lab.compare.bValue', { name: settingName(name, s) });
  if (spec.kind === 'bool') return <Toggle label={label} checked={value as boolean} onChange={(v) => onChange(v as LabValues[K])} />;
  if (spec.kind === 'enum')
    return (
      <Select
        label={label}
        value={value as string}
        options={spec.options.map((o) => ({ value: o, label: formatSetting(name, o as LabValues[K], s, lang) }))}
        onChange={(v) => onChange(v as LabValues[K])}
      />
    );
  return <NumberInput label={label} spec={spec} value={value as number} onChange={(v) => onChange(v as LabValues[K])} strings={s} lang={lang} format={(x) => formatSetting(name, x as LabValues[K], s, lang)} />;
}

/**
 * "Runs compared": pin the current run (up to four, drawn as ghosts on every chart, each
 * listed with the settings it differs in, and removable) and compare A with B (B's settings
 * are A's plus the differences chosen here; the list of differences is the editor).
 */
export function LabCompare({ model, view, settings, strings: s, lang, theme, status }: Props) {
  const a = settings;
  const b = model.b;
  const diffs = b ? settingDiffs(a, b) : [];
  const differing = new Set(diffs.map((d) => d.key));
  // Settings B could still differ in: every one in use, not already different.
  const addable = COMPARED_KEYS.filter((k) => !differing.has(k) && inUse(k, a));
  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  return (
    <section class="lab-compare" aria-label={tr(s, 'widget.lab.compare.title')}>
      <div class="lab-compare__actions">
        <button type="button" class="btn btn--small" onClick={() => model.pin(view, a)} disabled={!canPin(view)}>
          {tr(s, b ? 'widget.lab.compare.pinA' : 'widget.lab.compare.pin')}
        </button>
        <button type="button" class="btn btn--small" aria-pressed={b !== null} onClick={b ? model.stopCompare : model.startCompare}>
          {tr(s, 'widget.lab.compare.ab')}
        </button>
      </div>
      {model.replaced && (
        <div class="fig-notice" role="status">
          <p>{tr(s, 'widget.lab.compare.replaced', { gone: pinLabel(model.replaced.gone, s), by: pinLabel(model.replaced.by, s), max: MAX_PINS })}</p>
          <button type="button" class="btn btn--small" onClick={model.dismissReplaced}>{tr(s, 'kit.dismiss')}</button>
        </div>
      )}
      {model.rejected.length > 0 && (
        <div class="fig-notice" role="status">
          <p>{[tr(s, 'widget.lab.compare.bRejected'), ...model.rejected.map((n) => noticeText(n, s, lang))].join(' ')}</p>
          <button type="button" class="btn btn--small" onClick={model.dismissRejected}>{tr(s, 'kit.dismiss')}</button>
        </div>
      )}
      {model.pins.length > 0 && (
        <ul class="lab-compare__pins" aria-label={tr(s, 'widget.lab.compare.pinned')}>
          {model.pins.map((p, k) => {
            const d = settingDiffs(p.settings, a);
            const last = p.losses.at(-1)?.value ?? NaN;
            return (
              <li key={p.id} class="lab-compare__pin" data-pin={p.id}>
                <Swatch k={k} theme={theme} />
                <span class="lab-compare__pin-text">
                  <strong>{pinLabel(p, s)}</strong>{' '}
                  {tr(s, p.diverged ? 'widget.lab.compare.pinDiverged' : 'widget.lab.compare.pinAt', { step: fmtInt(p.diverged?.step ?? p.step), loss: formatLoss(last, lang) })}{' '}
                  {d.length ? tr(s, 'widget.lab.compare.pinDiffers', { list: d.map((x) => pinDiffText(x, s, lang)).join('; ') }) : tr(s, 'widget.lab.compare.pinSame')}
                </span>
                <button type="button" class="btn btn--small" aria-label={tr(s, 'widget.lab.compare.unpinNamed', { name: pinLabel(p, s) })} onClick={() => model.unpin(p.id)}>
                  {tr(s, 'widget.lab.compare.unpin')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {b && (
        <div class="lab-compare__ab" role="group" aria-label={tr(s, 'widget.lab.compare.abTitle')}>
          <p class="lab-compare__ab-lead">
            {diffs.length
              ? tr(s, 'widget.lab.compare.abDiffers', { b: sideName('b', s), a: sideName('a', s), list: diffs.map((d) => abDiffText(d, s, lang)).join('; ') })
              : tr(s, 'widget.lab.compare.abSame')}
          </p>
          <p class="lab-compare__legend">
            <span class="lab-compare__key" aria-hidden="true"><Line colour={abColour('a', theme)} /> {sideName('a', s)} <Line colour={abColour('b', theme)} /> {sideName('b', s)}</span>
            {tr(s, 'widget.lab.compare.legend')}
          </p>
          {status && (
            <ul class="lab-compare__status" aria-label={tr(s, 'widget.lab.compare.statusTitle')}>
              {(['a', 'b'] as const).map((side) => (
                <li key={side} data-side={side}>
                  <strong>{sideName(side, s)}</strong> {status[side]}
                </li>
              ))}
            </ul>
          )}
          <div class="lab-compare__b">
            {diffs.map((d) => (
              <div class="lab-compare__b-row" key={d.key}>
                <BControl name={d.key} value={b[d.key]} onChange={(v) => model.setB(d.key, v)} s={s} lang={lang} />
                <button type="button" class="btn btn--small" aria-label={tr(s, 'widget.lab.compare.sameAsANamed', { name: settingName(d.key, s) })} onClick={() => model.setB(d.key, a[d.key])}>
                  {tr(s, 'widget.lab.compare.sameAsA')}
                </button>
              </div>
            ))}
            {addable.length > 0 && (
              <Select
                label={tr(s, 'widget.lab.compare.add')}
                value=""
                options={[{ value: '', label: tr(s, 'widget.lab.compare.addPick') }, ...addable.map((k) => ({ value: k, label: settingName(k, s) }))]}
                onChange={(k) => {
                  if (k) model.setB(k as LabKey, firstOther(k as LabKey, a));
                }}
              />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
