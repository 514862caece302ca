// SPDX-License-Identifier: Apache-2.0
//
// What the node tools share about @ethereumjs: the install directory (evm-bench-compare.sh and
// evm-diff.sh install the pinned packages there with scripts/ethereumjs-install.sh) and how to import a
// package from it. The directory is outside the repository, so packages are imported by path, not by name.

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Prints `tool: message` and exits 2 (bad input or usage, as the launcher does). */
export function fail(tool, message) {
    console.error(`${tool}: ${message}`);
    process.exit(2);
}

/**
 * The package's ESM entry (or its export `entry`, e.g. './sha3.js') under `modules`/node_modules,
 * imported by file URL.
 */
export async function load(tool, modules, name, entry = '.') {
    const dir = join(modules, 'node_modules', name);
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) fail(tool, `${name} is not installed in ${modules}`);
    let target = JSON.parse(readFileSync(manifest, 'utf8')).exports[entry];
    for (const condition of ['import', 'default']) {
        if (typeof target !== 'string') target = target[condition];
    }
    return import(pathToFileURL(join(dir, target)).href);
}
