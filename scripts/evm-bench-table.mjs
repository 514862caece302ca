// SPDX-License-Identifier: Apache-2.0
//
// Joins the JSON lines of `zvm bench --suite --json` and of ethereumjs-bench.mjs (one object per case, then
// a summary object) into one Markdown table: time per execution and MGas/s of each engine per case, and the
// ratio ethereumjs time / zvm time (above 1: zvm is faster). The geomean ratio is the ratio of the two
// geomean times, which equals the geomean of the per-case ratios.
//
// Usage: node evm-bench-table.mjs ZVM.jsonl ETHEREUMJS.jsonl

import { readFileSync } from 'node:fs';

function read(file) {
    const objects = readFileSync(file, 'utf8').split('\n').filter(l => l.trim() !== '').map(l => JSON.parse(l));
    const summary = objects.pop();
    return { cases: new Map(objects.map(o => [o.case, o])), summary };
}

/** Seconds with a unit that keeps 3 to 4 significant digits, as zvm prints them. */
function duration(s) {
    if (s >= 1) return `${s.toFixed(3)} s`;
    if (s >= 1e-3) return `${(s * 1e3).toFixed(3)} ms`;
    if (s >= 1e-6) return `${(s * 1e6).toFixed(3)} us`;
    return `${(s * 1e9).toFixed(1)} ns`;
}

/** What makes a row doubtful: a zvm warm-up that did not settle, a failed output check, a missing case. */
function note(zvm, ejs) {
    const notes = [];
    if (zvm && zvm.settled === false) notes.push('zvm warm-up unsettled');
    if (zvm && zvm.status === 'FAILED') notes.push('zvm output FAILED');
    if (ejs && ejs.status === 'FAILED') notes.push('ethereumjs output FAILED');
    if (!zvm) notes.push('not run by zvm');
    if (!ejs) notes.push('not run by ethereumjs');
    return notes.join('; ');
}

const [zvmFile, ejsFile] = process.argv.slice(2);
if (!zvmFile || !ejsFile) {
    console.error('usage: evm-bench-table.mjs ZVM.jsonl ETHEREUMJS.jsonl');
    process.exit(2);
}
const zvm = read(zvmFile);
const ejs = read(ejsFile);
const names = [...new Set([...zvm.cases.keys(), ...ejs.cases.keys()])];
const rows = names.map(name => {
    const z = zvm.cases.get(name);
    const e = ejs.cases.get(name);
    return [name,
        z ? duration(z.secondsPerExecution) : '-', z ? z.mgasPerSecond.toFixed(2) : '-',
        e ? duration(e.secondsPerExecution) : '-', e ? e.mgasPerSecond.toFixed(2) : '-',
        z && e ? (e.secondsPerExecution / z.secondsPerExecution).toFixed(1) : '-',
        note(z, e)];
});
rows.push(['**geomean**',
    duration(zvm.summary.geomeanSecondsPerExecution), zvm.summary.geomeanMgasPerSecond.toFixed(2),
    duration(ejs.summary.geomeanSecondsPerExecution), ejs.summary.geomeanMgasPerSecond.toFixed(2),
    (ejs.summary.geomeanSecondsPerExecution / zvm.summary.geomeanSecondsPerExecution).toFixed(1),
    `${zvm.summary.cases} cases; failed: zvm ${zvm.summary.failed}, ethereumjs ${ejs.summary.failed}`]);

const header = ['case', 'zvm time/exec', 'zvm MGas/s', 'ethereumjs time/exec', 'ethereumjs MGas/s', 'ratio (ejs/zvm time)', 'notes'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
const line = cells => `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`);
rows.forEach(r => console.log(line(r)));
