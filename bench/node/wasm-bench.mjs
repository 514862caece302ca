// SPDX-License-Identifier: Apache-2.0
//
// node wasm-bench.mjs FILE.wasm EXPORT [ARG...] [--warmup S] [--seconds S]: times EXPORT on V8, as
// `zvm bench FILE.wasm --invoke` does on zvm, and prints one JSON line. Typed arguments as zvm takes them
// (i32:7, i64:-1 as a BigInt, f32:1.5, f64:2). The warm-up and measuring rule is the launcher's Bench
// (launcher/src/main/java/org/zvm/launcher/Bench.java), transcribed: calls in chunks of about 10 ms; warm up for
// at least --warmup seconds, then until the last three 0.5 s windows agree within 5% (at most 30 s more);
// then measure for --seconds.
import { readFileSync } from 'node:fs';

const CHUNK_NS = 10e6, WINDOW_NS = 500e6, STABLE_WINDOWS = 3, TOLERANCE = 1.05, MAX_EXTRA_WARMUP_NS = 30e9;

function typed(arg) {
    const colon = arg.indexOf(':');
    const [type, text] = [arg.slice(0, colon), arg.slice(colon + 1)];
    switch (type) {
        case 'i32': return Number(text) | 0;
        case 'i64': return BigInt.asIntN(64, BigInt(text));
        case 'f32': return Math.fround(Number(text));
        case 'f64': return Number(text);
        default: throw new Error(`${arg}: argument must be TYPE:VALUE with TYPE i32, i64, f32 or f64`);
    }
}

const positional = [];
let warmup = 5, seconds = 10;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--warmup') warmup = Number(argv[++i]);
    else if (argv[i] === '--seconds') seconds = Number(argv[++i]);
    else positional.push(argv[i]);
}
if (positional.length < 2) {
    console.error('usage: node wasm-bench.mjs FILE.wasm EXPORT [ARG...] [--warmup S] [--seconds S]');
    process.exit(2);
}
const [file, name, ...rest] = positional;
const values = rest.map(typed);
const { instance } = await WebAssembly.instantiate(readFileSync(file));
const f = instance.exports[name];
if (typeof f !== 'function') {
    console.error(`wasm-bench: ${file} exports no function '${name}'`);
    process.exit(2);
}
const result = String(f(...values));

const now = () => process.hrtime.bigint();
let chunk = 1;
function runChunk() {
    const n = chunk;
    const t0 = now();
    for (let i = 0; i < n; i++) f(...values);
    const dt = Number(now() - t0);
    if (dt < CHUNK_NS / 2 && n < 2 ** 24) chunk = n * 2;
    else if (dt > CHUNK_NS * 4 && n > 1) chunk = Math.floor(n / 2);
    return dt;
}

const warmupStart = now();
const windows = [];
let windowNs = 0, windowCalls = 0, settled = false;
for (;;) {
    const n = chunk;
    windowNs += runChunk();
    windowCalls += n;
    if (windowNs < WINDOW_NS) continue;
    windows.push(windowNs / windowCalls);
    if (windows.length > STABLE_WINDOWS) windows.shift();
    windowNs = windowCalls = 0;
    const elapsed = Number(now() - warmupStart);
    if (elapsed >= warmup * 1e9 && windows.length === STABLE_WINDOWS && Math.max(...windows) / Math.min(...windows) <= TOLERANCE) {
        settled = true;
        break;
    }
    if (elapsed >= warmup * 1e9 + MAX_EXTRA_WARMUP_NS) break;
}
const warmupSeconds = Number(now() - warmupStart) / 1e9;
let total = 0, executions = 0;
while (total < seconds * 1e9) {
    const n = chunk;
    total += runChunk();
    executions += n;
}
console.log(JSON.stringify({ secondsPerExecution: total / 1e9 / executions, executions, warmupSeconds, settled, result, engine: `V8 ${process.versions.v8}` }));
