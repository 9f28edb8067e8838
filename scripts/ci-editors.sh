#!/usr/bin/env bash
# CI for the VS Code extension (editors/vscode): install its own dependencies, bundle with esbuild,
# type-check against @types/vscode, package with @vscode/vsce (no publishing, no network beyond the npm
# registry), then check the .vsix holds the bundle and the manifest. Called by .ci/run before `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ext=editors/vscode
t0=$SECONDS
step() { printf '[ci-editors] %-10s %3ss\n' "$1" "$((SECONDS - t0))"; }

npm ci --prefix "$ext" --no-audit --no-fund --loglevel=error
step install

(cd "$ext" && node esbuild.mjs --production)
step bundle

(cd "$ext" && ./node_modules/.bin/tsc -p tsconfig.json --noEmit)
step typecheck

version=$(node -p "require('./$ext/package.json').version")
vsix="jxlint-vscode-$version.vsix"
rm -f "$ext/$vsix"
# --no-dependencies: dist/extension.js is self-contained. vsce runs `vscode:prepublish` (the bundle) itself.
(cd "$ext" && ./node_modules/.bin/vsce package --no-dependencies --allow-missing-repository --out "$vsix" </dev/null)
step package

# The .vsix is a ZIP: list its central directory without unzip (which CI images may lack).
node - "$ext/$vsix" <<'JS'
const { readFileSync } = require('node:fs');
const file = process.argv[2];
const zip = readFileSync(file);
const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (eocd < 0) throw new Error(`${file}: not a ZIP`);
const count = zip.readUInt16LE(eocd + 10);
let at = zip.readUInt32LE(eocd + 16);
const names = [];
for (let i = 0; i < count; i++) {
  if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
  const nameLength = zip.readUInt16LE(at + 28);
  names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
  at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
}
const missing = ['extension/dist/extension.js', 'extension/package.json'].filter((n) => !names.includes(n));
if (missing.length > 0) {
  console.error(`${file} 缺少 ${missing.join(', ')}（${file} lacks ${missing.join(', ')}）`);
  process.exit(1);
}
console.log(`[ci-editors] ${file}: ${zip.length} bytes, ${names.length} entries: ${names.join(' ')}`);
JS
step done
