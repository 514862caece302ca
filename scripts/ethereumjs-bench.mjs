// SPDX-License-Identifier: Apache-2.0
//
// Runs the cases of a flat EVM benchmark suite (cases.tsv: case, code file, calldata hex) under
// @ethereumjs/evm and prints one JSON line per case and a summary line, in the shape of
// `zvm bench --suite --json`, so evm-bench-compare.sh can put the two side by side.
//
// Method (the one REFERENCE.md in the data set used): Istanbul, execution gas only, the code run with
// evm.runCode at 0xbe7c43a580000000000000000000000000000001 with storage kept between executions; the
// first execution is checked against expected.tsv beside cases.tsv and is the warm-up; then REPS
// repetitions of at least SECONDS each, and the median time per execution is reported.
//
// Usage: node ethereumjs-bench.mjs --modules DIR CASES.tsv [--seconds S] [--reps N]
// DIR is where @ethereumjs/evm is installed (DIR/node_modules/...): it is outside the repository, so the
// packages are imported by path rather than by name.

import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fail as failWith, load } from './ethereumjs.mjs';

const GAS_LIMIT = 1n << 62n;
const ADDRESS = '0xbe7c43a580000000000000000000000000000001';

const TOOL = 'ethereumjs-bench';

function fail(message) {
    failWith(TOOL, message);
}

function parseArgs(argv) {
    const opts = { seconds: 1, reps: 3 };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--modules' || a === '--seconds' || a === '--reps') {
            if (i + 1 >= argv.length) fail(`${a}: missing value`);
            opts[a.slice(2)] = argv[++i];
        } else if (opts.suite === undefined) {
            opts.suite = a;
        } else {
            fail(`unexpected argument '${a}'`);
        }
    }
    if (!opts.modules || !opts.suite) fail('usage: ethereumjs-bench.mjs --modules DIR CASES.tsv [--seconds S] [--reps N]');
    opts.seconds = Number(opts.seconds);
    opts.reps = Number(opts.reps);
    if (!(opts.seconds > 0) || !Number.isInteger(opts.reps) || opts.reps < 1) fail('--seconds must be positive and --reps a positive integer');
    return opts;
}

function isHex(s) {
    return s.length % 2 === 0 && /^[0-9a-fA-F]*$/.test(s);
}

function strip0x(s) {
    return s.startsWith('0x') || s.startsWith('0X') ? s.slice(2) : s;
}

/** Lines of `name<TAB>...` with exactly `fields` fields; blank lines are skipped. */
function readTsv(file, fields) {
    const rows = [];
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        const row = line.replace(/\r$/, '').split('\t');
        if (row.length !== fields) fail(`${file}:${i + 1}: expected ${fields} tab-separated fields, found ${row.length}`);
        rows.push(row);
    });
    return rows;
}

function readSuite(file) {
    const dir = dirname(file);
    const expectedFile = join(dir, 'expected.tsv');
    const expected = new Map(existsSync(expectedFile) ? readTsv(expectedFile, 2).map(([name, out]) => [name, strip0x(out).toLowerCase()]) : []);
    return readTsv(file, 3).map(([name, codeFile, calldata]) => {
        const codeText = strip0x(readFileSync(join(dir, codeFile), 'utf8').replace(/\s+/g, ''));
        if (codeText === '' || !isHex(codeText)) fail(`${codeFile}: not hex bytecode`);
        if (!isHex(strip0x(calldata))) fail(`${file}: ${name}: calldata is not hex`);
        return { name, code: codeText, calldata: strip0x(calldata), expected: expected.get(name) };
    });
}

function median(values) {
    const s = [...values].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function geomean(values) {
    return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

const opts = parseArgs(process.argv.slice(2));
const { createEVM } = await load(TOOL, opts.modules, '@ethereumjs/evm');
const { Common, Mainnet, Hardfork } = await load(TOOL, opts.modules, '@ethereumjs/common');
const { Account, createAddressFromString, hexToBytes, bytesToHex } = await load(TOOL, opts.modules, '@ethereumjs/util');

const cases = readSuite(opts.suite);
const evm = await createEVM({ common: new Common({ chain: Mainnet, hardfork: Hardfork.Istanbul }) });
const to = createAddressFromString(ADDRESS);
const results = [];
let failed = 0;
for (const c of cases) {
    const run = { code: hexToBytes(`0x${c.code}`), data: hexToBytes(`0x${c.calldata}`), gasLimit: GAS_LIMIT, to };
    // An account with the code and empty storage, as in the state tests (SSTORE needs the account).
    await evm.stateManager.putAccount(to, new Account());
    await evm.stateManager.clearStorage(to);
    await evm.stateManager.putCode(to, run.code);
    const first = await evm.runCode(run);
    const output = bytesToHex(first.returnValue).slice(2);
    let status = c.expected === undefined ? 'unchecked' : 'ok';
    if (first.exceptionError !== undefined) {
        status = 'FAILED';
        console.error(`ethereumjs-bench: ${c.name}: ${first.exceptionError.error}`);
    } else if (c.expected !== undefined && output !== c.expected) {
        status = 'FAILED';
        console.error(`ethereumjs-bench: ${c.name}: output 0x${output} differs from expected 0x${c.expected}`);
    }
    if (status === 'FAILED') failed++;

    const perExecution = [];
    let executions = 0;
    let gasUsed = first.executionGasUsed;
    for (let r = 0; r < opts.reps; r++) {
        const start = process.hrtime.bigint();
        let n = 0;
        let elapsed = 0;
        while (elapsed < opts.seconds * 1e9) {
            gasUsed = (await evm.runCode(run)).executionGasUsed;
            n++;
            elapsed = Number(process.hrtime.bigint() - start);
        }
        perExecution.push(elapsed / 1e9 / n);
        executions += n;
    }
    if (gasUsed !== first.executionGasUsed) {
        console.error(`ethereumjs-bench: ${c.name}: gas used ${first.executionGasUsed} on the first execution, ${gasUsed} later (storage is kept)`);
    }
    const seconds = median(perExecution);
    const result = { case: c.name, gasUsed: Number(gasUsed), secondsPerExecution: seconds, mgasPerSecond: Number(gasUsed) / seconds / 1e6, executions, status };
    results.push(result);
    console.log(JSON.stringify(result));
}
console.log(JSON.stringify({
    cases: results.length,
    failed,
    geomeanSecondsPerExecution: geomean(results.map(r => r.secondsPerExecution)),
    geomeanMgasPerSecond: geomean(results.map(r => r.mgasPerSecond)),
}));
process.exit(failed === 0 ? 0 : 1);
