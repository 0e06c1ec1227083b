// Pure builders: (data, strings, theme, options) -> Plot options. No DOM, no state.
export { functionChart } from './functionChart.ts';
export type { FunctionSeries, FunctionChartData, FunctionChartStrings, FunctionChartOptions } from './functionChart.ts';
export { curvesChart } from './curvesChart.ts';
export type { Curve, CurveGhost, CurvesChartStrings, CurvesChartOptions, Reference } from './curvesChart.ts';
export { perLayerChart } from './perLayerChart.ts';
export type { LayerSeries, LayerGhost, PerLayerStrings, PerLayerOptions } from './perLayerChart.ts';
export { heatmapChart, heatmapDomain, thinColumns, MAX_COLUMNS } from './heatmapChart.ts';
export type { HeatmapData, HeatmapStrings, HeatmapOptions } from './heatmapChart.ts';
export { histogramsChart } from './histogramsChart.ts';
export type { LayerHistogram, HistogramsStrings } from './histogramsChart.ts';
export { boundaryChart } from './boundaryChart.ts';
export type { BoundaryData, BoundaryStrings, BoundaryOptions } from './boundaryChart.ts';
export { networkChart } from './networkChart.ts';
export type { NetNode, NetEdge, NetworkStrings } from './networkChart.ts';
export { activationColour, classColours, layerColours, neutral, runColours, textColour, legible, ghostStyle, MAX_GHOSTS } from './palette.ts';
export type { Theme } from '../theme.ts';
export { logAxis, logDomain, logSafe, spread, stepTicks } from './common.ts';
