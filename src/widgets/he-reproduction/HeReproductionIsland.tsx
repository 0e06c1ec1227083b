import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { NumberInput, TrainerControls } from '../controls/index.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { useTrainer, type SessionView } from '../runner/useTrainer.ts';
import { DATA, DEPTH, HE_SCHEMA, LR, MAX_STEPS, RECORD_EVERY, WIDTH, heConfigs, type HeValues, type RunName, type HeRunView } from './model.ts';
import { heCharts, heSummary, heTable } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: HeValues;
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  lossSvg?: ComponentChildren;
  layersSvg?: ComponentChildren;
}

const toView = (s: SessionView): HeRunView => ({ step: s.state.step, initialLoss: s.state.initialLoss, loss: s.state.loss, losses: s.losses, layers: s.state.layers, records: s.records });

export default function HeReproductionIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, layersSvg }: Props) {
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

  const views: Record<RunName, HeRunView> | null = ready ? { xavier: toView(trainer.sessions[0]), he: toView(trainer.sessions[1]) } : null;
  // The trainer says when its data changed; charts redraw at most every 150 ms.
  const version = useThrottled(trainer.version, 150);
  const charts = useMemo(() => {
    if (!views) return null;
    return { loss: (w: number) => heCharts(views, s, theme, lang, w).loss, layers: (w: number) => heCharts(views, s, theme, lang, w).layers };
  }, [version, theme, ready]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <div ref={root}>
      <FigureShell
        lab={configs}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={views ? heSummary(views, s, lang) : ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        data={views ? heTable(views, s) : { columns: [], rows: [] }}
        staticData={staticData}
      >
        <div class="fig-controls">
          <NumberInput label={tr(s, 'widget.heReproduction.seed')} spec={HE_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
          <p class="fig-note">{tr(s, 'widget.heReproduction.setup', { depth: fmtInt(DEPTH), width: fmtInt(WIDTH), n: fmtInt(DATA.n), lr: formatNumber(LR, lang, 3), steps: fmtInt(MAX_STEPS) })}</p>
        </div>
        <div class="fig-grid">
          <Chart options={charts?.loss ?? null} fallback={lossSvg} primary />
          <Chart options={charts?.layers ?? null} fallback={layersSvg} />
        </div>
      </FigureShell>
    </div>
  );
}
