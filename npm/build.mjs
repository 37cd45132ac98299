// Builds the npm package `authlens` into target/npm/package/ and packs it as
// dist/authlens-<version>.tgz (the version of the Rust workspace). Needs ./build.sh's wasm
// output for the package (target/wasm-bindgen-npm/: the engine with the CLI's renderers) and the release CLI (for docs.json); generates the report types
// from the Rust ones (crates/authlens-wasm/tsgen) with cargo.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = `${root}npm/`;
const out = `${root}target/npm/package/`;
const wasmOut = `${root}target/wasm-bindgen-npm/`;

const cargo = readFileSync(`${root}Cargo.toml`, 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
if (!version) throw new Error('npm/build.mjs: no [workspace.package] version in Cargo.toml');
if (!existsSync(`${wasmOut}authlens_wasm_bg.wasm`)) throw new Error('npm/build.mjs: target/wasm-bindgen-npm/ is missing (./build.sh builds it)');

// Sources the TypeScript compiler reads: the glue's declarations and the generated report types.
rmSync(`${here}src/wasm`, { recursive: true, force: true });
cpSync(wasmOut, `${here}src/wasm`, { recursive: true });
// Generated now from the Rust types (the committed crates/authlens-wasm/ts/report.ts is the same
// text when fresh; cargo test checks that one).
execFileSync('cargo', ['run', '-q', '--locked', '-p', 'authlens-wasm', '--example', 'report_ts', '--', '--out', `${here}src/report.ts`], { cwd: root, stdio: 'inherit' });

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(`${root}node_modules/.bin/tsc`, ['-p', `${here}tsconfig.json`], { stdio: 'inherit' });
cpSync(wasmOut, `${out}dist/wasm`, { recursive: true });
// The documentation texts (not in the module): SARIF rule descriptions and explain().
const cli = `${root}target/release/authlens`;
if (!existsSync(cli)) throw new Error('npm/build.mjs: target/release/authlens is missing (./build.sh builds it)');
const docs = JSON.parse(execFileSync(cli, ['explain', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
writeFileSync(`${out}dist/docs.json`, JSON.stringify(docs));
chmodSync(`${out}dist/cli.js`, 0o755);

const pkg = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));
pkg.version = version;
delete pkg.devDependencies;
writeFileSync(`${out}package.json`, JSON.stringify(pkg, null, 2) + '\n');
cpSync(`${here}README.md`, `${out}README.md`);
for (const f of ['LICENSE', 'LICENSE-MIT', 'LICENSE-APACHE']) if (existsSync(root + f)) cpSync(root + f, out + f);

mkdirSync(`${root}dist`, { recursive: true });
const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', `${root}dist`, out], { encoding: 'utf8' }).trim().split('\n').pop();
console.log(`npm package: dist/${name}`);
