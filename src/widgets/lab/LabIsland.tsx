import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { heatmapDomain } from '../charts/index.ts';
import { FigureShell } from '../kit/FigureShell.tsx';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { datasetPoints } from '../runner/data.ts';
import { useTrainer } from '../runner/useTrainer.ts';
import { ArchitectureControls } from './ArchitectureControls.tsx';
import { BoundaryEditor } from './BoundaryEditor.tsx';
import { DataControls } from './DataControls.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { InitControls } from './InitControls.tsx';
import { LabChartsPanel } from './LabChartsPanel.tsx';
import { EMPTY_VIEW, viewOfTrainer, type LabView } from './model.ts';
import { snapPoint } from './points.ts';
import { RunBar } from './RunBar.tsx';
import { RunControls } from './RunControls.tsx';
import { LAB_SCHEMA, labConfig, type LabPoint, type LabValues } from './settings.ts';
import { StatusLine } from './StatusLine.tsx';
import { TrainingControls } from './TrainingControls.tsx';
import { useCustomPoints } from './useCustomPoints.ts';
import { useLabRunner } from './useLabRunner.ts';
import { LabCompare, compareAlert, compareCanRun, compareConfigs, useLabCompare } from './compare/index.ts';
import { useLayerActs } from './useLayerActs.ts';
import { labCharts, labHeatmapData, labStatusLine, labSummary, labTable, settingsLines, type Crosshair, type LabChartName } from './view.ts';

/** Milliseconds between redraws: a 30 × 64 network's charts cost several times a small one's. */
function drawInterval(depth: number, width: number): number {
  return depth * width * width > 40_000 ? 500 : 150;
}

type Slots = { [K in `${LabChartName}Svg`]?: ComponentChildren };

interface Props extends Slots {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: LabValues;
}

/**
 * The lab: every knob in one place. Sections are components of their own (controls in
 * groups, the run bar, the status line, the charts, exports), so further panels (pinned runs,
 * A/B compare) plug in as siblings.
 */
export default function LabIsland({ figureId, lang, strings: s, initial, ...slots }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(LAB_SCHEMA, figureId, initial);
  const v = state.values;
  const custom = useCustomPoints();
  const layerActs = useLayerActs(v);
  const [pointClass, setPointClass] = useState<0 | 1>(1);
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const config = useMemo(() => labConfig(v, custom.points, layerActs.acts), [v, custom.points, layerActs.acts]);
  const cmp = useLabCompare(v);
  // B shares A's per-layer list (it applies only when B's activation mode is per layer too).
  const configB = useMemo(() => (cmp.b ? labConfig(cmp.b, custom.points, layerActs.acts) : null), [cmp.b, custom.points, layerActs.acts]);
  const trainer = useTrainer(compareConfigs(config, configB), active);
  // In A/B, one side diverging leaves the other to train (see compare/ab.ts).
  const runner = useLabRunner(configB ? { ...trainer, canRun: compareCanRun(trainer) } : trainer, v.speed);
  const session = trainer.sessions[0];
  const isCustom = v.dataset === 'custom';
  const builtIn = useMemo(() => datasetPoints({ ...config.data, points: undefined }), [config.data.name, config.data.n, config.data.noise, config.data.seed, config.data.testFraction]);
  const shownPoints: LabPoint[] = isCustom ? custom.points : (builtIn as LabPoint[]);

  useAutoplayOnce(session !== undefined, runner.trainer.play);

  // The heatmap's colour domain only widens within a run, so a colour keeps its meaning.
  const heat = useRef<{ generation: number; domain: [number, number] } | null>(null);
  // Charts, status and summary redraw together from one snapshot, at most about seven times a
  // second (twice for big networks, whose nine charts take the main thread longer to draw);
  // while skipping ahead they hold still until the jump lands.
  const throttled = useThrottled(trainer.version, drawInterval(v.depth, v.width));
  const frozen = useRef(throttled);
  if (runner.skipTarget === null) frozen.current = throttled;
  const drawn = frozen.current;
  const latestView = useRef<LabView>(EMPTY_VIEW);
  const frame = useMemo(() => {
    if (!session) return null;
    const view = viewOfTrainer(session);
    latestView.current = view;
    const prev = heat.current?.generation === trainer.generation ? heat.current.domain : undefined;
    const domain = heatmapDomain(labHeatmapData(view), prev);
    heat.current = { generation: trainer.generation, domain };
    const status = labStatusLine(view, s, lang);
    const bView = cmp.b && trainer.sessions[1] ? viewOfTrainer(trainer.sessions[1]) : null;
    return {
      view,
      status,
      charts: labCharts(view, v, shownPoints, s, theme, { live: true, heat: domain, compare: { pins: cmp.pins, b: bView && cmp.b ? { view: bView, values: cmp.b } : null } }),
      sides: bView ? { a: status.text, b: labStatusLine(bView, s, lang).text } : null,
      summary: labSummary(view, s, lang),
      table: labTable(view, s),
    };
  }, [drawn, theme, lang, shownPoints, cmp.pins]);

  const makeBoundary = useMemo(
    () => (frame ? (c: Crosshair | null) => labCharts(frame.view, v, shownPoints, s, theme, { live: true, crosshair: c }).boundary : null),
    [frame],
  );

  const addPoint = useCallback((p: LabPoint) => {
    const base = isCustom ? custom.points : builtIn.map((q) => snapPoint(q as LabPoint));
    custom.set([...base, p]);
    if (!isCustom) state.set('dataset', 'custom');
  }, [isCustom, custom.points, builtIn]);
  const removePoint = useCallback((i: number) => {
    const base = isCustom ? custom.points : builtIn.map((q) => snapPoint(q as LabPoint));
    custom.set(base.filter((_, k) => k !== i));
    if (!isCustom) state.set('dataset', 'custom');
  }, [isCustom, custom.points, builtIn]);

  const shellState = { rejected: [...state.rejected, ...custom.rejected, ...layerActs.rejected], dismissRejected: () => (state.dismissRejected(), custom.dismiss(), layerActs.dismiss()) };
  const lines = () => settingsLines(v, s, lang, custom.points, layerActs.acts);
  const sectionProps = { state, strings: s, lang };

  return (
    <div ref={root} class="lab">
      <FigureShell figureId={figureId} lang={lang} strings={s} summary={frame?.summary ?? ''} state={shellState} alert={(configB ? compareAlert(trainer, s, lang) : null) ?? trainingAlert(trainer, s, lang)} data={frame?.table ?? { columns: [], rows: [] }}>
        <div class="lab-layout">
          <div class="lab-main">
            <RunBar runner={runner} strings={s} lang={lang} skip={v.skip} finished={session?.state.finished ?? false} reduced={reduced} />
            <StatusLine text={frame?.status.text ?? tr(s, 'widget.lab.status.waiting')} status={frame?.status.status ?? null} step={frame?.view.step ?? 0} loss={frame?.view.loss ?? NaN} />
            <LabCompare model={cmp} view={frame?.view ?? EMPTY_VIEW} settings={v} strings={s} lang={lang} theme={theme} status={frame?.sides ?? null} />
            {isCustom && custom.points.length < 2 && <p class="fig-note" role="status">{tr(s, 'widget.lab.customEmpty')}</p>}
            {custom.tooManyToShare && <p class="fig-note" role="status">{tr(s, 'widget.lab.tooManyToShare', { n: custom.points.length })}</p>}
            <LabChartsPanel
              strings={s}
              lang={lang}
              charts={frame?.charts ?? null}
              fallbacks={{ loss: slots.lossSvg, accuracy: slots.accuracySvg, grad: slots.gradSvg, error: slots.errorSvg, drift: slots.driftSvg, dead: slots.deadSvg, heatmap: slots.heatmapSvg, histograms: slots.histogramsSvg }}
              editor={<BoundaryEditor strings={s} lang={lang} makeOptions={makeBoundary} fallback={slots.boundarySvg} points={shownPoints} pointClass={pointClass} onAdd={addPoint} onRemove={removePoint} />}
              settingsLines={lines}
            />
          </div>
          <div class="lab-side" role="group" aria-label={tr(s, 'widget.lab.settings')}>
            <ArchitectureControls {...sectionProps} layerActs={layerActs} />
            <InitControls {...sectionProps} />
            <TrainingControls {...sectionProps} />
            <DataControls {...sectionProps} points={custom.points} onPoints={custom.set} pointClass={pointClass} onPointClass={setPointClass} />
            <RunControls {...sectionProps} />
            <ExportPanel strings={s} view={() => latestView.current} settings={v} config={config} points={custom.points} />
          </div>
        </div>
      </FigureShell>
    </div>
  );
}
