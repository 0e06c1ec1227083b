// Stand-in for d3-geo in the browser bundle (see README.md): the site draws no maps.
const missing = (name) => () => {
  throw new Error(`${name} (d3-geo) is not bundled: the site's charts use no projection`);
};
export const geoPath = missing('geoPath');
export const geoGraticule10 = missing('geoGraticule10');
export const geoAlbers = missing('geoAlbers');
export const geoAlbersUsa = missing('geoAlbersUsa');
export const geoAzimuthalEqualArea = missing('geoAzimuthalEqualArea');
export const geoAzimuthalEquidistant = missing('geoAzimuthalEquidistant');
export const geoClipRectangle = missing('geoClipRectangle');
export const geoConicConformal = missing('geoConicConformal');
export const geoConicEqualArea = missing('geoConicEqualArea');
export const geoConicEquidistant = missing('geoConicEquidistant');
export const geoEqualEarth = missing('geoEqualEarth');
export const geoEquirectangular = missing('geoEquirectangular');
export const geoGnomonic = missing('geoGnomonic');
export const geoMercator = missing('geoMercator');
export const geoOrthographic = missing('geoOrthographic');
export const geoStereographic = missing('geoStereographic');
export const geoStream = missing('geoStream');
// Plot builds one transform when it loads (reflectY); it is never applied without a projection.
export const geoTransform = () => ({ stream: missing('geoTransform().stream') });
export const geoTransverseMercator = missing('geoTransverseMercator');
export const geoCentroid = missing('geoCentroid');
