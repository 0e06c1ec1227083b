// Stand-in for d3-shape in the browser bundle (see README.md): the real lines, areas and
// symbols, the linear and step curves; the other curves (Plot lists all of them in a table at
// load time) throw if a chart asks for one.
import { curveLinear, curveStep, curveStepAfter, curveStepBefore, area, symbolCircle, line, symbolsFill, symbolsStroke, symbolAsterisk, symbolDiamond2, symbolPlus, symbolSquare2, symbolTriangle2, symbolTimes, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'vg-real-d3-shape';

export { curveLinear, curveStep, curveStepAfter, curveStepBefore, area, symbolCircle, line, symbolsFill, symbolsStroke, symbolAsterisk, symbolDiamond2, symbolPlus, symbolSquare2, symbolTriangle2, symbolTimes, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye };

const missing = (name) => () => {
  throw new Error(`${name} (d3-shape) is not bundled: add it to src/widgets/charts/shims/d3-shape.js`);
};
export const curveBasis = missing('curveBasis');
export const curveBasisClosed = missing('curveBasisClosed');
export const curveBasisOpen = missing('curveBasisOpen');
export const curveBundle = missing('curveBundle');
export const curveBumpX = missing('curveBumpX');
export const curveBumpY = missing('curveBumpY');
export const curveCardinal = missing('curveCardinal');
export const curveCardinalClosed = missing('curveCardinalClosed');
export const curveCardinalOpen = missing('curveCardinalOpen');
export const curveCatmullRom = missing('curveCatmullRom');
export const curveCatmullRomClosed = missing('curveCatmullRomClosed');
export const curveCatmullRomOpen = missing('curveCatmullRomOpen');
export const curveLinearClosed = missing('curveLinearClosed');
export const curveMonotoneX = missing('curveMonotoneX');
export const curveMonotoneY = missing('curveMonotoneY');
export const curveNatural = missing('curveNatural');
