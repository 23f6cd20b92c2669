#!/usr/bin/env bash
# Vendor the list of common passwords that new passwords are checked against (decision 0009):
#   scripts/update-password-list.sh          the version pinned in package-lock.json (npm ci)
#   scripts/update-password-list.sh 4.2.0    pin another version of @zxcvbn-ts/language-common first
# The list is the "passwords" frequency list of the npm package @zxcvbn-ts/language-common (MIT):
# passwords seen more than ten times in Mark Burnett's ten million passwords set, most common first,
# lower-cased, ASCII only. It is written one password a line, so that an update shows as a diff, and
# the app embeds it in its assembly, so building, running, testing and the Docker image need neither
# npm nor node_modules; only this script does. Commit package.json, package-lock.json and the
# destination folder together.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

NAME=@zxcvbn-ts/language-common
PKG="node_modules/$NAME"
SRC="$PKG/src/passwords.json"
DEST=src/CoproCommissioning.Web/Infrastructure/Accounts/CommonPasswords

die() { echo "update-password-list.sh: $*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || die "npm is not on PATH: install Node.js 20 or later (apt-get install nodejs npm)"

if [[ $# -gt 1 ]]; then die "usage: $0 [version]"; fi
if [[ $# -eq 1 ]]; then
  [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$ ]] || die "not a version: '$1' (e.g. 4.1.3)"
  npm install --save-dev --save-exact --no-audit --no-fund --ignore-scripts "$NAME@$1"
else
  npm ci --no-audit --no-fund --ignore-scripts
fi

version="$(node -p "require('./$PKG/package.json').version")"
license="$(node -p "require('./$PKG/package.json').license")"
[[ "$license" == MIT ]] || die "$NAME $version is licensed '$license', not MIT: check it before vendoring (decision 0009)"
[[ -f "$SRC" ]] || die "$SRC not found: the package layout changed in $version, update this script"
[[ -f "$PKG/LICENSE.txt" ]] || die "$PKG/LICENSE.txt not found: MIT requires the notice to travel with the list"

mkdir -p "$DEST"
# Fail loudly on anything the app's loader would misread: not a list of strings, an empty entry,
# or white space inside an entry (one password a line).
node - "$SRC" "$DEST/passwords.txt" <<'JS'
const fs = require('fs');
const [src, dest] = process.argv.slice(2);
const list = JSON.parse(fs.readFileSync(src, 'utf8'));
if (!Array.isArray(list) || list.length < 10000) throw new Error(`${src}: expected a list of at least 10,000 passwords`);
for (const p of list) {
  if (typeof p !== 'string' || p.length === 0 || /\s/.test(p)) throw new Error(`${src}: unexpected entry ${JSON.stringify(p)}`);
}
fs.writeFileSync(dest, list.join('\n') + '\n');
console.log(`${list.length} passwords`);
JS
cp "$PKG/LICENSE.txt" "$DEST/LICENSE"
echo "$NAME $version" >"$DEST/VERSION"

echo "$NAME $version written to $DEST"
