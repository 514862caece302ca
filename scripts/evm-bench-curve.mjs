// SPDX-License-Identifier: Apache-2.0
//
// The warm-up curve of `zvm bench --suite --json` (issue 6): one SVG plot of time per execution against
// wall-clock time for every case, each relative to the case's steady state (its measured time per
// execution), so the 27 cases share one log-scale axis that ends at 1. The dashed line is 90% of peak
// speed (1/0.9 of the steady time), the dotted one the 5 s target. Also prints, per case, from when on the
// curve stayed within 90% of peak (seconds since the case's warm-up began) as a Markdown table.
//
// Usage: node evm-bench-curve.mjs ZVM.jsonl OUT.svg

import { readFileSync, writeFileSync } from 'node:fs';

const [zvmFile, outFile] = process.argv.slice(2);
if (!zvmFile || !outFile) {
    console.error('usage: evm-bench-curve.mjs ZVM.jsonl OUT.svg');
    process.exit(2);
}
const cases = readFileSync(zvmFile, 'utf8').split('\n').filter(l => l.trim() !== '').map(l => JSON.parse(l))
    .filter(o => Array.isArray(o.curve) && o.curve.length > 0);
if (cases.length === 0) {
    console.error(`evm-bench-curve: ${zvmFile} has no case with a warm-up curve`);
    process.exit(2);
}

const PEAK = 0.9;
const TARGET_SECONDS = 5;
/**
 * Seconds from which on the case ran at 90% of its steady speed or better: the end of the last sample
 * slower than that (0 if none was), or null when even the last sample was slower.
 */
function reached(c) {
    const last = c.curve.findLastIndex(([, s]) => s > c.secondsPerExecution / PEAK);
    if (last === c.curve.length - 1) return null;
    return last < 0 ? 0 : c.curve[last][0];
}

const width = 960, height = 560, left = 70, right = 300, top = 30, bottom = 50;
const plotW = width - left - right, plotH = height - top - bottom;
const maxT = Math.max(TARGET_SECONDS, ...cases.map(c => c.curve[c.curve.length - 1][0]));
const ratios = cases.flatMap(c => c.curve.map(([, s]) => s / c.secondsPerExecution));
const yMin = Math.min(0.5, ...ratios), yMax = Math.max(10, ...ratios);
const x = t => left + (t / maxT) * plotW;
const y = r => top + (1 - (Math.log(r) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin))) * plotH;
const colour = i => `hsl(${Math.round((i * 360) / cases.length)}, 70%, 40%)`;
const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="18" font-size="13">zvm warm-up: time per execution / steady-state time, against seconds since warm-up began</text>`];
for (let decade = Math.ceil(Math.log10(yMin)); decade <= Math.floor(Math.log10(yMax)); decade++) {
    const r = 10 ** decade;
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(r)}" y2="${y(r)}" stroke="#ddd"/>`,
        `<text x="${left - 6}" y="${y(r) + 4}" text-anchor="end">${r >= 1 ? r : r.toFixed(-decade)}×</text>`);
}
const step = maxT > 40 ? 10 : maxT > 15 ? 5 : 1;
for (let t = 0; t <= maxT; t += step) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${top + plotH}" stroke="#eee"/>`,
        `<text x="${x(t)}" y="${top + plotH + 16}" text-anchor="middle">${t} s</text>`);
}
parts.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
    `<line x1="${left}" x2="${left + plotW}" y1="${y(1 / PEAK)}" y2="${y(1 / PEAK)}" stroke="black" stroke-dasharray="6 4"/>`,
    `<line x1="${x(TARGET_SECONDS)}" x2="${x(TARGET_SECONDS)}" y1="${top}" y2="${top + plotH}" stroke="black" stroke-dasharray="2 3"/>`);
const rows = [];
const reachedAt = cases.map(reached);
cases.forEach((c, i) => {
    const points = c.curve.map(([t, s]) => `${x(t).toFixed(1)},${y(s / c.secondsPerExecution).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${colour(i)}" stroke-width="1.2" points="${points}"/>`);
    const t90 = reachedAt[i];
    const label = `${c.case}: ${t90 === null ? 'not yet' : t90.toFixed(1) + ' s'}`;
    parts.push(`<text x="${left + plotW + 10}" y="${top + 8 + i * 17}" fill="${colour(i)}">${esc(label)}</text>`);
    rows.push(`| ${c.case} | ${t90 === null ? 'not yet' : t90.toFixed(2) + ' s'} | ${c.curve[c.curve.length - 1][0].toFixed(1)} s |`);
});
parts.push('</svg>');
writeFileSync(outFile, parts.join('\n') + '\n');

const within = reachedAt.filter(t => t !== null && t <= TARGET_SECONDS).length;
console.log(['| case | at 90% of peak from | curve length |', '|---|---:|---:|', ...rows].join('\n'));
console.log(`\n${within} of ${cases.length} cases ran at 90% of peak or better from ${TARGET_SECONDS} s of warm-up on; plot: ${outFile}`);
