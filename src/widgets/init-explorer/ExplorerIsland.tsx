import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useFigureState, useTheme } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, Select, Slider } from '../controls/index.ts';
import { EXPLORER_SCHEMA, explore, explorerNetwork, type ExplorerValues } from './model.ts';
import { explorerCharts, explorerSummary, explorerTable } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: ExplorerValues;
  varianceSvg?: ComponentChildren;
  activationsSvg?: ComponentChildren;
  gradientsSvg?: ComponentChildren;
}

export default function ExplorerIsland({ figureId, lang, strings: s, initial, varianceSvg, activationsSvg, gradientsSvg }: Props) {
  const state = useFigureState(EXPLORER_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  // The weights do not depend on the activation: switching it reuses them.
  const net = useMemo(() => explorerNetwork({ ...v, activation: 'relu' }), [v.depth, v.width, v.init, v.seed]);
  const result = useMemo(() => explore(net, v), [net, v.activation]);
  const charts = useMemo(() => explorerCharts(result, s, theme, lang), [result, theme]);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const options = <T extends string>(keys: readonly T[], prefix: string) => keys.map((k) => ({ value: k, label: tr(s, `${prefix}${k}`) }));
  return (
    <FigureShell
      figureId={figureId}
      lang={lang}
      strings={s}
      summary={explorerSummary(result, s, lang)}
      rejected={state.rejected}
      onDismissRejected={state.dismissRejected}
      data={explorerTable(result, s)}
    >
      <div class="fig-controls">
        <Slider label={tr(s, 'widget.initExplorer.depth')} spec={EXPLORER_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
        <Slider label={tr(s, 'widget.initExplorer.width')} spec={EXPLORER_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={fmtInt} />
        <Select label={tr(s, 'widget.initExplorer.activation')} value={v.activation} options={options(EXPLORER_SCHEMA.activation.options, 'kit.act.')} onChange={(x) => state.set('activation', x)} />
        <Select label={tr(s, 'widget.initExplorer.init')} value={v.init} options={options(EXPLORER_SCHEMA.init.options, 'widget.initExplorer.initOption.')} onChange={(x) => state.set('init', x)} />
        <NumberInput label={tr(s, 'widget.initExplorer.seed')} spec={EXPLORER_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
      </div>
      <Chart options={charts.variance} fallback={varianceSvg} primary />
      <div class="fig-grid fig-grid--pair">
        <Chart options={charts.activations} fallback={activationsSvg} />
        <Chart options={charts.gradients} fallback={gradientsSvg} />
      </div>
      <p class="fig-note">{tr(s, 'widget.initExplorer.batchNote', { batch: fmtInt(result.batch), width: fmtInt(result.width) })}</p>
    </FigureShell>
  );
}
