import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { trainingAlert } from '../kit/alerts.ts';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, TrainerControls, Select } from '../controls/index.ts';
import { useTrainer } from '../runner/useTrainer.ts';
import { DATA, GLOROT_SCHEMA, HIDDEN, LR_OPTIONS, MAX_STEPS, WIDTH, glorotConfig, type GlorotValues, type GlorotView } from './model.ts';
import { glorotCharts, glorotSummary, glorotTable } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: GlorotValues;
  meansSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
}

/** "Step" advances this many steps at a time. */
const STEP_BY = 5;

export default function GlorotIsland({ figureId, lang, strings: s, initial, meansSvg, lossSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(GLOROT_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const config = useMemo(() => glorotConfig(v), [v.lr, v.seed]);
  const trainer = useTrainer([config], active);
  const session = trainer.sessions[0];
  const ready = !!session && session.records.length > 0;

  useAutoplayOnce(ready, trainer.play);

  const view: GlorotView | null = ready ? { step: session.state.step, initialLoss: session.state.initialLoss, loss: session.state.loss, losses: session.losses, records: session.records } : null;
  const drawKey = useThrottled(`${trainer.generation}|${view?.step ?? -1}|${v.lr}|${v.seed}`, 150);
  const charts = useMemo(() => (view ? glorotCharts(view, s, theme, lang) : null), [drawKey, theme, ready]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <div ref={root}>
      <FigureShell
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={view ? glorotSummary(view, s, lang) : ''}
        rejected={state.rejected}
        onDismissRejected={state.dismissRejected}
        alert={trainingAlert(trainer, s, lang)}
        data={view ? glorotTable(view, s) : { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <Select label={tr(s, 'widget.glorotRepro.lr')} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 0) }))} onChange={(x) => state.set('lr', x)} />
          <NumberInput label={tr(s, 'widget.glorotRepro.seed')} spec={GLOROT_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={STEP_BY} format={fmtInt} />
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
          <p class="fig-note">{tr(s, 'widget.glorotRepro.setup', { hidden: fmtInt(HIDDEN), width: fmtInt(WIDTH), n: fmtInt(DATA.n), steps: fmtInt(MAX_STEPS) })}</p>
        </div>
        <div class="fig-grid">
          {charts ? <Chart options={charts.means} primary /> : <div class="fig-chart">{meansSvg}</div>}
          {charts ? <Chart options={charts.loss} /> : <div class="fig-chart">{lossSvg}</div>}
        </div>
        <p class="fig-note">{tr(s, 'widget.glorotRepro.honesty')}</p>
      </FigureShell>
    </div>
  );
}
