import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber, formatSci } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useChartWidth, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, Segmented, Select, Slider, TrainerControls } from '../controls/index.ts';
import { useTrainer, type SessionView, type Trainer } from '../runner/useTrainer.ts';
import { ACTIVATIONS, BALANCED, CLIP_OPTIONS, EXPLODING_SCHEMA, LR_OPTIONS, RECORD_EVERY, RUNS, explodingConfigs, initialBound, type ExplodingValues, type RunName, type RunView } from './model.ts';
import { explodingSummary, explodingTable, gradNormChart, lossChart, profileChart } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: ExplodingValues;
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  profileSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
  gradNormSvg?: ComponentChildren;
}

const K = 'widget.explodingGradients';

function toRun(run: RunName, v: SessionView): RunView {
  return { run, step: v.state.step, loss: v.state.loss, initialLoss: v.state.initialLoss, losses: v.losses, records: v.records, diverged: v.state.diverged };
}

/**
 * The alert for this pair: the unclipped run diverging is the expected outcome, so the
 * message names the run and says the clipped one carries on; Reset starts both again.
 */
function pairAlert(trainer: Trainer, runs: RunView[] | null, s: Strings, lang: Lang) {
  const action = { label: tr(s, 'kit.reset'), run: trainer.reset };
  if (trainer.error) return { message: tr(s, 'kit.workerError', { message: trainer.error }), action };
  const hit = runs?.find((r) => r.diverged);
  if (!runs || !hit?.diverged) return null;
  const other = runs.find((r) => r !== hit)!;
  const key = other.diverged ? 'alert.both' : `alert.${hit.run}`;
  return { message: tr(s, `${K}.${key}`, { step: formatNumber(hit.diverged.step, lang, 0), reason: tr(s, `${K}.reason.${hit.diverged.reason}`, { loss: formatSci(hit.diverged.loss, lang) }) }), action };
}

export default function ExplodingGradientsIsland({ figureId, lang, strings: s, initial, profileSvg, lossSvg, gradNormSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(EXPLODING_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => explodingConfigs(v), [v]);
  const bound = useMemo(() => initialBound(v), [v.activation, v.scale, v.depth, v.seed]);
  const configKey = JSON.stringify(v);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === RUNS.length && trainer.sessions.every((x) => x.records.length > 0);

  useAutoplayOnce(ready, trainer.play);

  const runs = ready ? RUNS.map((r, i) => toRun(r, trainer.sessions[i])) : null;
  const step = runs ? Math.max(...runs.map((r) => r.step)) : 0;
  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  const records = trainer.sessions.reduce((a, x) => a + x.records.length, 0);
  const lossKey = useThrottled(`${trainer.generation}|${configKey}|${step}|${ready ? 1 : 0}`, 200);
  const normKey = useThrottled(`${trainer.generation}|${configKey}|${records}|${ready ? 1 : 0}`, 200);
  const profile = useMemo(() => (runs ? profileChart(runs, bound, s, theme, width) : null), [trainer.generation, configKey, ready, theme, width]);
  const loss = useMemo(() => (runs ? lossChart(runs, v, s, theme, lang, width) : null), [lossKey, theme, width]);
  const gradNorm = useMemo(() => (runs ? gradNormChart(runs, v, s, theme, lang, width) : null), [normKey, theme, width]);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const fmtScale = (x: number) => formatNumber(x, lang, 1);

  return (
    <div ref={root}>
      <FigureShell
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={runs ? explodingSummary(runs, bound, v, s, lang) : ''}
        rejected={state.rejected}
        onDismissRejected={state.dismissRejected}
        alert={pairAlert(trainer, runs, s, lang)}
        data={runs ? explodingTable(runs, bound, s) : { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <Segmented label={tr(s, `${K}.activation`)} value={v.activation} options={ACTIVATIONS.map((a) => ({ value: a, label: tr(s, `kit.act.${a}`) }))} onChange={(x) => state.set('activation', x)} />
          <Slider label={tr(s, `${K}.scale`)} spec={EXPLODING_SCHEMA.scale} value={v.scale} onChange={(x) => state.set('scale', x)} format={fmtScale} />
          <p class="ctl-note">{tr(s, `${K}.scaleNote`, { balanced: formatNumber(BALANCED[v.activation], lang, 2) })}</p>
          <Slider label={tr(s, `${K}.depth`)} spec={EXPLODING_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.clip`)} value={v.clip} options={CLIP_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 2) }))} onChange={(x) => state.set('clip', x)} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <NumberInput label={tr(s, `${K}.seed`)} spec={EXPLODING_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          <p class="ctl-note">{tr(s, `${K}.same`)}</p>
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
        <div class="fig-grid" ref={grid}>
          <div>
            {profile ? <Chart options={profile} /> : <div class="fig-chart">{profileSvg}</div>}
            <p class="fig-note">{tr(s, `${K}.profileNote`)}</p>
          </div>
          <div>{loss ? <Chart options={loss} primary /> : <div class="fig-chart">{lossSvg}</div>}</div>
          <div>
            {gradNorm ? <Chart options={gradNorm} /> : <div class="fig-chart">{gradNormSvg}</div>}
            <p class="fig-note">{tr(s, `${K}.gradNormNote`)}</p>
          </div>
        </div>
      </FigureShell>
    </div>
  );
}
