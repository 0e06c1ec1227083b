import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { trainingAlert } from '../kit/alerts.ts';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, TrainerControls } from '../controls/index.ts';
import { useTrainer, type SessionView } from '../runner/useTrainer.ts';
import { DATA, DEPTH, HE_SCHEMA, LR, MAX_STEPS, RECORD_EVERY, WIDTH, heConfigs, type HeValues, type RunName, type RunView } from './model.ts';
import { heCharts, heSummary, heTable } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: HeValues;
  lossSvg?: ComponentChildren;
  layersSvg?: ComponentChildren;
}

const toView = (s: SessionView): RunView => ({ step: s.state.step, initialLoss: s.state.initialLoss, loss: s.state.loss, losses: s.losses, layers: s.state.layers, records: s.records });

export default function HeIsland({ figureId, lang, strings: s, initial, lossSvg, layersSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(HE_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => heConfigs(v), [v.seed]);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === 2 && trainer.sessions.every((x) => x.state.layers.length > 0);

  useAutoplayOnce(ready, trainer.play);

  const views: Record<RunName, RunView> | null = ready ? { xavier: toView(trainer.sessions[0]), he: toView(trainer.sessions[1]) } : null;
  const drawKey = useThrottled(`${trainer.generation}|${views?.he.step ?? -1}|${v.seed}`, 150);
  const charts = useMemo(() => (views ? heCharts(views, s, theme, lang) : null), [drawKey, theme, ready]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <div ref={root}>
      <FigureShell
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={views ? heSummary(views, s, lang) : ''}
        rejected={state.rejected}
        onDismissRejected={state.dismissRejected}
        alert={trainingAlert(trainer, s, lang)}
        data={views ? heTable(views, s) : { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <NumberInput label={tr(s, 'widget.heRepro.seed')} spec={HE_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
          <p class="fig-note">{tr(s, 'widget.heRepro.setup', { depth: fmtInt(DEPTH), width: fmtInt(WIDTH), n: fmtInt(DATA.n), lr: formatNumber(LR, lang, 3), steps: fmtInt(MAX_STEPS) })}</p>
        </div>
        <div class="fig-grid">
          {charts ? <Chart options={charts.loss} primary /> : <div class="fig-chart">{lossSvg}</div>}
          {charts ? <Chart options={charts.layers} /> : <div class="fig-chart">{layersSvg}</div>}
        </div>
      </FigureShell>
    </div>
  );
}
