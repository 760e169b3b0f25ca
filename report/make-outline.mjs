// Writes dist/: the Vega, Vega-Lite and vega-embed builds that `stosim report` inlines into its
// pages, and the outline of the European Netherlands (Natural Earth 1:10m, from the world-atlas
// package) as GeoJSON. Run by `npm ci` (postinstall); dist/ is not committed.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });

for (const [pkg, file] of [['vega', 'vega.min.js'], ['vega-lite', 'vega-lite.min.js'], ['vega-embed', 'vega-embed.min.js']])
  copyFileSync(join(modules, pkg, 'build', file), join(dist, file));

// Natural Earth's "Netherlands" (ISO 528) includes Bonaire, Sint Eustatius and Saba: keep the
// polygons in Europe only, so that the map frames the mainland and the Wadden islands.
const topology = JSON.parse(readFileSync(join(modules, 'world-atlas', 'countries-10m.json'), 'utf8'));
const netherlands = feature(topology, topology.objects.countries).features.find((f) => f.id === '528');
if (!netherlands) throw new Error('world-atlas: no feature with id 528 (the Netherlands)');
const inEurope = (polygon) => polygon[0].every(([lon, lat]) => lon > 2 && lon < 8 && lat > 50 && lat < 54);
const round = (polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [+lon.toFixed(4), +lat.toFixed(4)]));
const outline = {
  type: 'Feature',
  properties: { name: 'Nederland', source: 'Natural Earth 1:10m admin-0 countries, via the world-atlas npm package' },
  geometry: { type: 'MultiPolygon', coordinates: netherlands.geometry.coordinates.filter(inEurope).map(round) },
};
if (outline.geometry.coordinates.length === 0) throw new Error('world-atlas: no European polygon of the Netherlands');
writeFileSync(join(dist, 'netherlands.geo.json'), JSON.stringify(outline));
console.log(`stosim report assets: wrote ${dist} (Vega, Vega-Lite, vega-embed, outline of ${outline.geometry.coordinates.length} polygons)`);
