// The lab's "Runs compared": pinned runs (ghosts on every chart) and A/B compare.
export { MAX_PINS, NO_PINS, PIN_LOSS_POINTS, PIN_RECORDS, addPin, canPin, pinOf, removePin, thinRecords, type Pins, type PinnedRun, type RunHistory } from './pins.ts';
export { COMPARED_KEYS, abDiffText, firstOther, formatSetting, inUse, pinDiffText, settingDiffs, settingName, type LabKey, type SettingDiff } from './diff.ts';
export { LAB_B_ID, LAB_B_SCHEMA, pruneOverrides, readCompare, sideB, writeCompare, type Overrides, type ParsedCompare } from './link.ts';
export { SIDES, compareAlert, compareCanRun, compareConfigs, sideName, type Side } from './ab.ts';
export { ghostCurves, ghostProfiles, pinLabel, type CurveMetric, type LayerMetric } from './ghosts.ts';
export { useLabCompare, type LabCompareModel } from './useLabCompare.ts';
export { LabCompare } from './LabCompare.tsx';
