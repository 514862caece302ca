// SPDX-License-Identifier: Apache-2.0
//
// The program generator of evm-diff.mjs: random EVM programs (Cancun) built from chunks, each a short
// position-independent instruction sequence (arithmetic, stack, memory, storage, transient storage,
// environment, hashing, logs, jumps, loops, calls, creates, precompiles), some of them mutated byte by
// byte. A case is a recipe (the chunks of the program and of two callees, the transaction's shape) that
// `stateTest` turns into an Ethereum state test; the minimiser shrinks recipes by dropping chunks.
// Everything is a function of (seed, index): case i of seed S is the same on every run and machine.

/** sfc32, seeded from (seed, index) through splitmix32 so that neighbouring indexes are unrelated. */
export function rng(seed, index) {
    let s = (Number(seed) ^ 0x9e3779b9) >>> 0;
    const mix = () => {
        s = (s + 0x9e3779b9) >>> 0;
        let z = s;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        return (z ^ (z >>> 16)) >>> 0;
    };
    let a = mix() ^ index, b = mix(), c = mix() ^ Math.imul(index, 0x27d4eb2f), d = 1;
    for (let i = 0; i < 12; i++) next();
    function next() {
        const t = (((a + b) >>> 0) + d) >>> 0;
        d = (d + 1) >>> 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) >>> 0;
        c = ((c << 21) | (c >>> 11)) >>> 0;
        c = (c + t) >>> 0;
        return t;
    }
    const r = {
        /** An integer in [0, n). */
        int: n => Math.floor(next() / 4294967296 * n),
        chance: p => next() / 4294967296 < p,
        pick: list => list[r.int(list.length)],
        bytes: n => Array.from({ length: n }, () => r.int(256)),
        /** A 256-bit word: mostly the edge values arithmetic gets wrong, sometimes anything. */
        word: () => {
            if (r.chance(0.6)) return r.pick(EDGE_WORDS);
            if (r.chance(0.5)) return BigInt(r.int(1 << 16));
            let w = 0n;
            for (let i = 0; i < 8; i++) w = (w << 32n) | BigInt(next());
            return w >> BigInt(r.int(256));
        },
    };
    return r;
}

const MAX = (1n << 256n) - 1n;
const EDGE_WORDS = [0n, 1n, 2n, 3n, 7n, 8n, 16n, 31n, 32n, 33n, 63n, 64n, 255n, 256n, 257n, (1n << 64n) - 1n, 1n << 64n, 1n << 128n,
    (1n << 255n) - 1n, 1n << 255n, (1n << 255n) + 1n, MAX, MAX - 1n, MAX - 31n];

/** The accounts every case has; the programs call and inspect them. */
export const SENDER = '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b';
export const SECRET_KEY = '0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8';
export const COINBASE = '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba';
const HARNESS = '0x00000000000000000000000000000000000d1ff0';
const TARGET = '0x00000000000000000000000000000000000d1ff1';
const CALLEES = ['0x00000000000000000000000000000000000d1ff2', '0x00000000000000000000000000000000000d1ff3'];
const ECHO = '0x00000000000000000000000000000000000d1ff4';
const EOA = '0x00000000000000000000000000000000000d1ff5';
const ABSENT = '0x00000000000000000000000000000000000dead0';
const PRECOMPILES = Array.from({ length: 10 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`);

const OP = {
    STOP: 0x00, ADD: 0x01, MUL: 0x02, SUB: 0x03, DIV: 0x04, SDIV: 0x05, MOD: 0x06, SMOD: 0x07, ADDMOD: 0x08, MULMOD: 0x09, EXP: 0x0a,
    SIGNEXTEND: 0x0b, LT: 0x10, GT: 0x11, SLT: 0x12, SGT: 0x13, EQ: 0x14, ISZERO: 0x15, AND: 0x16, OR: 0x17, XOR: 0x18, NOT: 0x19,
    BYTE: 0x1a, SHL: 0x1b, SHR: 0x1c, SAR: 0x1d, KECCAK256: 0x20, ADDRESS: 0x30, BALANCE: 0x31, ORIGIN: 0x32, CALLER: 0x33,
    CALLVALUE: 0x34, CALLDATALOAD: 0x35, CALLDATASIZE: 0x36, CALLDATACOPY: 0x37, CODESIZE: 0x38, CODECOPY: 0x39, GASPRICE: 0x3a,
    EXTCODESIZE: 0x3b, EXTCODECOPY: 0x3c, RETURNDATASIZE: 0x3d, RETURNDATACOPY: 0x3e, EXTCODEHASH: 0x3f, BLOCKHASH: 0x40,
    COINBASE: 0x41, TIMESTAMP: 0x42, NUMBER: 0x43, PREVRANDAO: 0x44, GASLIMIT: 0x45, CHAINID: 0x46, SELFBALANCE: 0x47, BASEFEE: 0x48,
    BLOBHASH: 0x49, BLOBBASEFEE: 0x4a, POP: 0x50, MLOAD: 0x51, MSTORE: 0x52, MSTORE8: 0x53, SLOAD: 0x54, SSTORE: 0x55, JUMP: 0x56,
    JUMPI: 0x57, PC: 0x58, MSIZE: 0x59, GAS: 0x5a, JUMPDEST: 0x5b, TLOAD: 0x5c, TSTORE: 0x5d, MCOPY: 0x5e, PUSH0: 0x5f, DUP1: 0x80,
    SWAP1: 0x90, LOG0: 0xa0, CREATE: 0xf0, CALL: 0xf1, CALLCODE: 0xf2, RETURN: 0xf3, DELEGATECALL: 0xf4, CREATE2: 0xf5,
    STATICCALL: 0xfa, REVERT: 0xfd, INVALID: 0xfe, SELFDESTRUCT: 0xff,
};
const BINARY = ['ADD', 'MUL', 'SUB', 'DIV', 'SDIV', 'MOD', 'SMOD', 'EXP', 'SIGNEXTEND', 'LT', 'GT', 'SLT', 'SGT', 'EQ', 'AND', 'OR', 'XOR',
    'BYTE', 'SHL', 'SHR', 'SAR'];
const NULLARY_ENV = ['ADDRESS', 'ORIGIN', 'CALLER', 'CALLVALUE', 'CALLDATASIZE', 'CODESIZE', 'GASPRICE', 'RETURNDATASIZE', 'COINBASE',
    'TIMESTAMP', 'NUMBER', 'PREVRANDAO', 'GASLIMIT', 'CHAINID', 'SELFBALANCE', 'BASEFEE', 'BLOBBASEFEE', 'MSIZE', 'PC', 'GAS'];

/** The bytes of a PUSH of `value`, the shortest one (PUSH0 for zero). */
export function push(value) {
    const v = BigInt(value);
    if (v === 0n) return [OP.PUSH0];
    const hex = v.toString(16);
    const bytes = hex.padStart(hex.length + (hex.length & 1), '0').match(/../g).map(h => parseInt(h, 16));
    return [0x5f + bytes.length, ...bytes];
}

const op = name => OP[name];
const ops = (...items) => items.flatMap(i => (typeof i === 'string' ? [op(i)] : Array.isArray(i) ? i : push(i)));

/** Memory offsets: mostly small, sometimes page-sized, rarely so large that expansion runs out of gas. */
function offset(r) {
    if (r.chance(0.85)) return r.int(160);
    if (r.chance(0.8)) return r.int(1 << 14);
    return r.pick([1n << 32n, 1n << 64n, MAX, (1n << 24n) + BigInt(r.int(64))]);
}

function length(r) {
    return r.chance(0.9) ? r.int(97) : offset(r);
}

function address(r, self) {
    return BigInt(r.pick([...self, ECHO, EOA, ABSENT, SENDER, COINBASE, r.pick(PRECOMPILES)]));
}

const slot = r => r.int(12);

/** Copies `bytes` into memory at `at` with PUSH32/MSTORE pairs (the tail word zero-padded). */
function storeBytes(bytes, at) {
    const out = [];
    for (let i = 0; i < bytes.length; i += 32) {
        const word = bytes.slice(i, i + 32);
        while (word.length < 32) word.push(0);
        out.push(0x7f, ...word, ...push(at + i), op('MSTORE'));
    }
    return out;
}

/** Init code that returns `runtime`, or reverts, or returns code a create must reject. */
function initCode(r) {
    const runtime = r.pick([[0x60, 0x2a, 0x5f, 0x55, 0x00], ops(1, 0, 'SSTORE', 'CALLER', 0, 'MSTORE', 32, 0, 'RETURN'), [0xef, 0x00], []]);
    const kind = r.int(6);
    if (kind === 0) return ops(r.int(40), 0, 'REVERT');
    if (kind === 1) return ops(0x6001, 0, 'RETURN');
    if (kind === 2) return ops(1, r.word(), 'SSTORE', 'CALLVALUE', 0, 'MSTORE', 'INVALID');
    return [...storeBytes(runtime, 0), ...ops(runtime.length, 0, 'RETURN')];
}

/** Inputs a precompile accepts (or nearly): valid points, small modexp headers, a blake2f block. */
function precompileInput(r, n) {
    const word = v => BigInt(v).toString(16).padStart(64, '0').match(/../g).map(h => parseInt(h, 16));
    switch (n) {
        case 5: return [...word(r.int(5)), ...word(r.int(5)), ...word(r.int(5)), ...r.bytes(12)];
        case 6: return [...word(1), ...word(2), ...word(r.chance(0.7) ? 1 : r.int(4)), ...word(2)];
        case 7: return [...word(1), ...word(2), ...word(r.word())];
        case 8: return r.chance(0.5) ? [] : [...word(1), ...word(2), ...r.bytes(128)];
        case 9: return [0, 0, 0, r.int(4), ...r.bytes(208), r.int(3)];
        default: return r.bytes(r.int(140));
    }
}

/** One chunk of a program at `depth` (0 the program, 1 and 2 the callees), as bytes. */
function chunk(r, depth) {
    // The program may call itself; a callee only the callees after it, so recursion stays at the top.
    const self = depth === 0 ? [TARGET, ...CALLEES] : CALLEES.slice(depth);
    const store = v => [...v, ...push(slot(r)), op('SSTORE')];
    switch (r.int(19)) {
        case 0:
        case 1: {
            const name = r.pick(BINARY);
            return store(ops(r.word(), r.word(), name));
        }
        case 2: return store(ops(r.word(), r.word(), r.word(), r.pick(['ADDMOD', 'MULMOD'])));
        case 3: return store(ops(r.word(), r.pick(['ISZERO', 'NOT'])));
        case 4: {
            const n = 1 + r.int(17);
            const values = Array.from({ length: n }, () => push(r.word())).flat();
            const shuffle = r.chance(0.5) ? [op('DUP1') + r.int(n)] : n > 1 ? [op('SWAP1') + r.int(n - 1)] : [];
            const depthAfter = n + (shuffle[0] >= op('DUP1') && shuffle[0] < op('SWAP1') ? 1 : 0);
            return [...values, ...shuffle, ...push(slot(r)), op('SSTORE'), ...Array(depthAfter - 1).fill(op('POP'))];
        }
        case 5: return r.chance(0.5) ? ops(r.word(), offset(r), r.pick(['MSTORE', 'MSTORE8'])) : store(ops(offset(r), 'MLOAD'));
        case 6: return ops(length(r), offset(r), offset(r), 'MCOPY');
        case 7: {
            const name = r.pick(['CALLDATACOPY', 'CODECOPY', 'RETURNDATACOPY', 'EXTCODECOPY']);
            const args = ops(length(r), r.chance(0.8) ? r.int(64) : offset(r), offset(r));
            return name === 'EXTCODECOPY' ? [...ops(length(r), r.int(64), offset(r), address(r, self)), op(name)] : [...args, op(name)];
        }
        case 8: return store(ops(length(r), offset(r), 'KECCAK256'));
        case 9: return r.chance(0.6) ? ops(r.word(), slot(r), 'SSTORE') : store(ops(slot(r), 'SLOAD'));
        case 10: return r.chance(0.5) ? ops(r.word(), slot(r), 'TSTORE') : store(ops(slot(r), 'TLOAD'));
        case 11: {
            if (r.chance(0.6)) return store([op(r.pick(NULLARY_ENV))]);
            const name = r.pick(['BALANCE', 'EXTCODESIZE', 'EXTCODEHASH', 'BLOCKHASH', 'CALLDATALOAD', 'BLOBHASH']);
            const arg = name === 'BLOCKHASH' ? BigInt(r.int(300)) : name === 'CALLDATALOAD' ? BigInt(r.int(80)) : name === 'BLOBHASH' ? BigInt(r.int(3)) : address(r, self);
            return store([...push(arg), op(name)]);
        }
        case 12: {
            const n = r.int(5);
            const topics = Array.from({ length: n }, () => push(r.word())).flat();
            return [...topics, ...push(length(r)), ...push(offset(r)), op('LOG0') + n];
        }
        case 13: {
            // PC-relative forward jump over junk, taken or not; sometimes one byte off (an invalid target).
            const junk = r.bytes(r.int(6));
            const conditional = r.chance(0.5);
            const cond = conditional ? push(r.int(2)) : [];
            const tail = [op(conditional ? 'JUMPI' : 'JUMP'), ...junk];
            const skew = r.chance(0.1) ? 1 : 0;
            const delta = 1 + 2 + 1 + tail.length + skew;
            return [...cond, op('PC'), 0x60, delta, op('ADD'), ...tail, op('JUMPDEST')];
        }
        case 14: {
            // A counted loop: JUMPDEST; counter-1; store it; jump back while non-zero.
            const n = 1 + r.int(r.chance(0.9) ? 8 : 300);
            const body = [op('JUMPDEST'), ...push(1), op('SWAP1'), op('SUB'), op('DUP1'), ...push(slot(r)), op('SSTORE'), op('DUP1'), op('PC')];
            const back = body.length - 1;
            return [...push(n), ...body, 0x60, back, op('SWAP1'), op('SUB'), op('JUMPI'), op('POP')];
        }
        case 15:
        case 16: {
            const name = r.pick(['CALL', 'CALL', 'STATICCALL', 'DELEGATECALL', 'CALLCODE']);
            const target = r.chance(0.3) ? BigInt(r.pick(PRECOMPILES)) : address(r, self);
            const n = Number(target);
            const input = n >= 1 && n <= 10 ? precompileInput(r, n) : r.bytes(r.int(40));
            const gas = r.chance(0.6) ? [op('GAS')] : push(r.pick([0, 100, 2600, 5000, 30000, 100000, r.int(200000)]));
            const value = name === 'CALL' || name === 'CALLCODE' ? push(r.chance(0.7) ? 0 : r.int(1000)) : [];
            const call = [...push(r.int(64)), ...push(r.int(64)), ...push(input.length), ...push(0), ...value, ...push(target), ...gas, op(name)];
            return [...storeBytes(input, 0), ...store(call), ...store([op('RETURNDATASIZE')])];
        }
        case 17: {
            const code = initCode(r);
            const create2 = r.chance(0.5);
            const args = [...(create2 ? push(r.chance(0.5) ? 0 : r.word()) : []), ...push(code.length), ...push(0), ...push(r.chance(0.7) ? 0 : r.int(100))];
            return [...storeBytes(code, 0), ...store([...args, op(create2 ? 'CREATE2' : 'CREATE')]), ...store([op('RETURNDATASIZE')])];
        }
        default: {
            // Raw mutation material: a few random bytes, sometimes a lone opcode.
            return r.chance(0.5) ? [r.int(256)] : r.bytes(1 + r.int(4));
        }
    }
}

/** The program's last chunk: how it ends. */
function terminator(r) {
    switch (r.int(8)) {
        case 0: return [op('STOP')];
        case 1:
        case 2: return ops(length(r), offset(r), 'RETURN');
        case 3: return ops(length(r), offset(r), 'REVERT');
        case 4: return [op('INVALID')];
        case 5: return ops(address(r, []), 'SELFDESTRUCT');
        default: return [];
    }
}

/** A program of `count` chunks; a few get one byte overwritten (the mutation of a generated seed). */
function program(r, count, depth) {
    const chunks = Array.from({ length: count }, () => chunk(r, depth));
    chunks.push(terminator(r));
    if (r.chance(0.25)) {
        for (let m = 1 + r.int(3); m > 0; m--) {
            const c = chunks[r.int(chunks.length)];
            if (c.length > 0) c[r.int(c.length)] = r.int(256);
        }
    }
    return chunks.map(c => Buffer.from(c).toString('hex'));
}

/** Case `index` of `seed`: the program, its two callees and the transaction. */
export function recipe(seed, index) {
    const r = rng(seed, index);
    return {
        name: `gen_${seed}_${index}`,
        program: program(r, 1 + r.int(24), 0),
        callees: [program(r, r.int(8), 1), program(r, r.int(6), 2)],
        harness: r.chance(0.6),
        gasLimit: r.pick([60_000, 150_000, 400_000, 1_000_000, 3_000_000]),
        value: r.chance(0.7) ? 0 : r.int(1_000_000),
        data: Buffer.from(r.bytes(r.int(70))).toString('hex'),
        typed: r.chance(0.3),
        number: 1 + r.int(400),
        storage: Object.fromEntries(Array.from({ length: r.int(5) }, () => [slot(r), r.chance(0.3) ? 1 : Number(r.int(1 << 30))])),
    };
}

const hex = n => `0x${BigInt(n).toString(16)}`;

/**
 * The harness: calls the program with the transaction's calldata and value and all but 60,000 gas,
 * then stores the call's status (slot 0), output size (1) and output hash (2), so that the state root
 * covers status and output too.
 */
function harnessCode() {
    return Buffer.from([
        ...ops('CALLDATASIZE', 0, 0, 'CALLDATACOPY'),
        ...ops(0, 0, 'CALLDATASIZE', 0, 'CALLVALUE', BigInt(TARGET), 60_000, 'GAS', 'SUB', 'CALL', 0, 'SSTORE'),
        ...ops('RETURNDATASIZE', 1, 'SSTORE', 'RETURNDATASIZE', 0, 0, 'RETURNDATACOPY', 'RETURNDATASIZE', 0, 'KECCAK256', 2, 'SSTORE', 'STOP'),
    ]).toString('hex');
}

const ECHO_CODE = Buffer.from(ops('CALLDATASIZE', 0, 0, 'CALLDATACOPY', 'CALLVALUE', 'CALLDATASIZE', 0, 'LOG1', 'CALLDATASIZE', 0, 'RETURN')).toString('hex');

function account(balance, code = '', nonce = 0, storage = {}) {
    return { balance: hex(balance), code: `0x${code}`, nonce: hex(nonce), storage: Object.fromEntries(Object.entries(storage).map(([k, v]) => [hex(k), hex(v)])) };
}

/** The state test of a recipe (Cancun), with `post` left for the caller to fill in. */
export function stateTest(c) {
    const pre = {
        [SENDER]: account(10n ** 20n),
        [COINBASE]: account(0, '', 1),
        [TARGET]: account(1_000_000, c.program.join(''), 1, c.storage),
        [CALLEES[0]]: account(500, c.callees[0].join(''), 1, { 1: 7 }),
        [CALLEES[1]]: account(0, c.callees[1].join(''), 1),
        [ECHO]: account(0, ECHO_CODE, 1),
        [EOA]: account(12345, '', 3),
    };
    if (c.harness) pre[HARNESS] = account(0, harnessCode(), 1, { 0: 1, 1: 1, 2: 1 });
    const fees = c.typed ? { maxFeePerGas: '0x0c', maxPriorityFeePerGas: '0x02' } : { gasPrice: '0x0a' };
    return {
        env: {
            currentCoinbase: COINBASE, currentGasLimit: '0x05f5e100', currentNumber: hex(c.number), currentTimestamp: '0x03e8',
            currentDifficulty: '0x00', currentRandom: `0x${'5a'.repeat(32)}`, currentBaseFee: '0x07', currentExcessBlobGas: '0x00',
        },
        pre,
        transaction: {
            data: [`0x${c.data}`], gasLimit: [hex(c.gasLimit)], ...fees, nonce: '0x00', secretKey: SECRET_KEY, sender: SENDER,
            to: c.harness ? HARNESS : TARGET, value: [hex(c.value)],
        },
    };
}

/**
 * Smaller recipes than `c`, smallest first. Coarse: chunk ranges dropped from the program and the
 * callees (halves, quarters, ... single chunks) and the transaction simplified; fine: one chunk cut short.
 */
export function shrink(c, fine) {
    const out = [];
    const lists = [['program'], ['callees', 0], ['callees', 1]];
    const get = (x, path) => (path.length === 1 ? x[path[0]] : x[path[0]][path[1]]);
    const set = (x, path, v) => {
        const copy = structuredClone(x);
        if (path.length === 1) copy[path[0]] = v;
        else copy[path[0]][path[1]] = v;
        return copy;
    };
    for (const path of lists) {
        const list = get(c, path);
        if (fine) {
            list.forEach((chunkHex, i) => {
                for (let cut = 0; cut < chunkHex.length; cut += 2) {
                    out.push(set(c, path, list.map((h, j) => (j === i ? h.slice(0, cut) : h))));
                }
            });
            continue;
        }
        for (let size = list.length; size >= 1; size = Math.floor(size / 2)) {
            for (let start = 0; start + size <= list.length; start += size) {
                out.push(set(c, path, [...list.slice(0, start), ...list.slice(start + size)]));
            }
        }
    }
    if (fine) return sized(c, out);
    if (c.data !== '') out.push({ ...c, data: '' });
    if (c.value !== 0) out.push({ ...c, value: 0 });
    if (c.harness) out.push({ ...c, harness: false });
    if (c.typed) out.push({ ...c, typed: false });
    if (Object.keys(c.storage).length > 0) out.push({ ...c, storage: {} });
    return sized(c, out);
}

function sized(c, out) {
    const size = x => x.program.join('').length + x.callees.join('').length + x.data.length;
    return out.map((x, i) => ({ ...x, name: `${c.name.replace(/_s\d+$/, '')}_s${i}` })).sort((x, y) => size(x) - size(y));
}
