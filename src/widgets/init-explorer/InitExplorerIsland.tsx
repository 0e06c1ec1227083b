import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useFigureState, useTheme } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import { NumberInput, Select, Slider } from '../controls/index.ts';
import { INIT_EXPLORER_SCHEMA, type InitExplorerValues } from './model.ts';
import { useExplore } from './useExplore.ts';
import { histogramOptions, initExplorerSummary, initExplorerTable, varianceOptions } from './view.ts';

interface Props extends IslandProps<InitExplorerValues> {
  varianceSvg?: ComponentChildren;
  activationsSvg?: ComponentChildren;
  gradientsSvg?: ComponentChildren;
}

export default function InitExplorerIsland({ figureId, lang, strings: s, initial, varianceSvg, activationsSvg, gradientsSvg }: Props) {
  const state = useFigureState(INIT_EXPLORER_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const result = useExplore(v);
  // Each chart is drawn at the width it has on screen (the histograms stack on phones).
  const charts = useMemo(
    () => ({
      variance: (w: number) => varianceOptions(result, s, theme, w),
      // Bars as one path per row: the build-time rects' shapes, a fraction of the elements.
      activations: (w: number) => histogramOptions('activations', result, s, theme, lang, w, true),
      gradients: (w: number) => histogramOptions('gradients', result, s, theme, lang, w, true),
    }),
    [result, theme],
  );

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const options = <T extends string>(keys: readonly T[], prefix: string) => keys.map((k) => ({ value: k, label: tr(s, `${prefix}${k}`) }));
  return (
    <FigureShell figureId={figureId} lang={lang} strings={s} summary={initExplorerSummary(result, s, lang)} state={state} data={initExplorerTable(result, s)}>
      <div class="fig-controls">
        <Slider label={tr(s, 'widget.initExplorer.depth')} spec={INIT_EXPLORER_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
        <Slider label={tr(s, 'widget.initExplorer.width')} spec={INIT_EXPLORER_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={fmtInt} />
        <Select label={tr(s, 'widget.initExplorer.activation')} value={v.activation} options={options(INIT_EXPLORER_SCHEMA.activation.options, 'kit.act.')} onChange={(x) => state.set('activation', x)} />
        <Select label={tr(s, 'widget.initExplorer.init')} value={v.init} options={options(INIT_EXPLORER_SCHEMA.init.options, 'widget.initExplorer.initOption.')} onChange={(x) => state.set('init', x)} />
        <NumberInput label={tr(s, 'widget.initExplorer.seed')} spec={INIT_EXPLORER_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
      </div>
      <Chart options={charts.variance} fallback={varianceSvg} primary />
      <div class="fig-grid fig-grid--pair">
        <Chart options={charts.activations} fallback={activationsSvg} minWidth={240} />
        <Chart options={charts.gradients} fallback={gradientsSvg} minWidth={240} />
      </div>
      <p class="fig-note">{tr(s, 'widget.initExplorer.batchNote', { batch: fmtInt(result.batch), width: fmtInt(result.width) })}</p>
    </FigureShell>
  );
}
