// SPDX-License-Identifier: Apache-2.0
//
// node wasm-bench-table.mjs DIR: the table of wasm-bench-compare.sh. DIR holds `cases` (export, argument,
// expected typed result per line, tab-separated) and EXPORT.ENGINE.json, one JSON line per engine run (an
// empty file when the run failed). zvm's result must equal the expected one with its type; GraalWasm and V8
// give no types, so theirs must equal its value. Exit 1 if a result is missing or wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const engines = ['zvm', 'graalwasm', 'node'];
const cases = readFileSync(join(dir, 'cases'), 'utf8').trim().split('\n').map(l => l.split('\t'));

function read(name, engine) {
    try {
        return JSON.parse(readFileSync(join(dir, `${name}.${engine}.json`), 'utf8'));
    } catch {
        return null;
    }
}

function time(s) {
    if (s >= 1) return `${s.toFixed(3)} s`;
    if (s >= 1e-3) return `${(s * 1e3).toFixed(3)} ms`;
    return `${(s * 1e6).toFixed(3)} us`;
}

let failed = false;
const ratios = { graalwasm: [], node: [] };
console.log('| case | zvm | GraalWasm | node (V8) | zvm / GraalWasm | zvm / node | results |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const [name, argument, expected] of cases) {
    const runs = Object.fromEntries(engines.map(e => [e, read(name, e)]));
    const wrong = engines.filter(e => {
        const r = runs[e];
        return r === null || r.result !== (e === 'zvm' ? expected : expected.slice(expected.indexOf(':') + 1));
    });
    failed ||= wrong.length > 0;
    const cell = e => runs[e] === null ? 'failed' : time(runs[e].secondsPerExecution) + (runs[e].settled ? '' : ' (unsettled)');
    const ratio = e => {
        if (runs.zvm === null || runs[e] === null) return '-';
        const r = runs.zvm.secondsPerExecution / runs[e].secondsPerExecution;
        ratios[e].push(r);
        return `${r.toFixed(2)}x`;
    };
    const check = wrong.length === 0 ? `all ${expected}` : `WRONG: ${wrong.map(e => `${e} gave ${runs[e]?.result ?? 'nothing'}`).join(', ')}`;
    console.log(`| ${name} ${argument} | ${cell('zvm')} | ${cell('graalwasm')} | ${cell('node')} | ${ratio('graalwasm')} | ${ratio('node')} | ${check} |`);
}
const geomean = xs => xs.length === 0 ? '-' : `${Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length).toFixed(2)}x`;
console.log(`| geomean | | | | ${geomean(ratios.graalwasm)} | ${geomean(ratios.node)} | |`);
const engine = e => cases.map(([name]) => read(name, e)?.engine).find(x => x) ?? '?';
console.log(`\nGraalWasm: ${engine('graalwasm')}; node: ${engine('node')} (${process.version}); ratio > 1: zvm is slower.`);
process.exit(failed ? 1 : 0);
