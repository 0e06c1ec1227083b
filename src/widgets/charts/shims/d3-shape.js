// Stand-in for d3-shape in the browser bundle (see README.md): the real lines, areas, the
// linear and step curves, and the three symbols the charts draw (circle, triangle, times); the
// other curves (Plot lists all of them in a table at load time) throw if a chart asks for one,
// and so do the other symbols when drawn.
import { curveLinear, curveStep, curveStepAfter, curveStepBefore, area, symbolCircle, line, symbolTriangle, symbolTimes } from 'vg-real-d3-shape';

export { curveLinear, curveStep, curveStepAfter, curveStepBefore, area, symbolCircle, line, symbolTriangle, symbolTimes };

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

// A symbol is an object whose draw() d3 calls: the ones no chart draws throw when drawn.
const unkept = (name) => ({ draw: missing(name) });
export const symbolAsterisk = unkept('symbolAsterisk');
export const symbolCross = unkept('symbolCross');
export const symbolDiamond = unkept('symbolDiamond');
export const symbolDiamond2 = unkept('symbolDiamond2');
export const symbolPlus = unkept('symbolPlus');
export const symbolSquare = unkept('symbolSquare');
export const symbolSquare2 = unkept('symbolSquare2');
export const symbolStar = unkept('symbolStar');
export const symbolTriangle2 = unkept('symbolTriangle2');
export const symbolWye = unkept('symbolWye');
// d3's default symbol sets, in d3's order (Plot's symbol scale reads them).
export const symbolsFill = [symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye];
export const symbolsStroke = [symbolCircle, symbolPlus, symbolTimes, symbolTriangle2, symbolAsterisk, symbolSquare2, symbolDiamond2];
