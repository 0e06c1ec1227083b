// Pure builders: (data, strings, theme) -> Plot options. No DOM, no state.
export { functionChart } from './functionChart.ts';
export type { FunctionSeries, FunctionChartData, FunctionChartStrings } from './functionChart.ts';
export { curvesChart } from './curvesChart.ts';
export type { Curve, CurvesChartStrings } from './curvesChart.ts';
export { perLayerChart } from './perLayerChart.ts';
export type { LayerSeries, PerLayerStrings } from './perLayerChart.ts';
export { heatmapChart, thinColumns, MAX_COLUMNS } from './heatmapChart.ts';
export type { HeatmapData, HeatmapStrings } from './heatmapChart.ts';
export { histogramsChart } from './histogramsChart.ts';
export type { LayerHistogram, HistogramsStrings } from './histogramsChart.ts';
export { boundaryChart } from './boundaryChart.ts';
export type { BoundaryData, BoundaryStrings } from './boundaryChart.ts';
export { networkChart } from './networkChart.ts';
export type { NetNode, NetEdge, NetworkStrings } from './networkChart.ts';
export { activationColour, classColours, neutral, type Theme } from './palette.ts';
export { logAxis, logSafe } from './common.ts';
