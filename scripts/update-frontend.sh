#!/usr/bin/env bash
# Vendor the NHS.UK frontend (npm package nhsuk-frontend) into the web app:
#   scripts/update-frontend.sh           build the version pinned in package-lock.json (npm ci)
#   scripts/update-frontend.sh 10.7.0    pin another version first (package.json and package-lock.json)
# The CSS is compiled with Dart Sass (npm package sass) from the package's own Sass sources, through
# scripts/frontend/nhsuk-frontend.scss, rather than copied prebuilt: the prebuilt CSS loads the
# Frutiger web font from https://assets.nhs.uk (blocked by our Content-Security-Policy, and not
# licensed to us) and points its icons at /assets/images/ instead of /lib/nhsuk-frontend/assets/.
# The JavaScript, the assets folder and the licence are copied as published.
# The output files are committed, so building, running and testing the app need neither npm nor
# node_modules; only this script does. Commit package.json, package-lock.json, the entry file and
# the destination folder together.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PKG=node_modules/nhsuk-frontend
SRC="$PKG/dist/nhsuk"
ENTRY=scripts/frontend/nhsuk-frontend.scss
SASS=node_modules/.bin/sass
DEST=src/CoproCommissioning.Web/wwwroot/lib/nhsuk-frontend

die() { echo "update-frontend.sh: $*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || die "npm is not on PATH: install Node.js 20 or later (apt-get install nodejs npm)"

if [[ $# -gt 1 ]]; then die "usage: $0 [version]"; fi
if [[ $# -eq 1 ]]; then
  [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$ ]] || die "not a version: '$1' (e.g. 10.6.1)"
  # --save-exact: the vendored files and the pin must never drift apart.
  # --ignore-scripts: nothing here needs an install script (sass's optional file watcher,
  # @parcel/watcher, has one, and this script never watches).
  npm install --save-dev --save-exact --no-audit --no-fund --ignore-scripts "nhsuk-frontend@$1"
else
  # npm ci installs exactly what package-lock.json says, from a clean node_modules.
  npm ci --no-audit --no-fund --ignore-scripts
fi

version="$(node -p "require('./$PKG/package.json').version")"
license="$(node -p "require('./$PKG/package.json').license")"

# Fail loudly, rather than vendor half a package, when a new release moves things around.
for f in index.scss core/settings/_globals.scss nhsuk-frontend.min.js assets; do
  [[ -e "$SRC/$f" ]] || die "$SRC/$f not found: the package layout changed in $version, update this script"
done
[[ -f "$ENTRY" ]] || die "$ENTRY not found"
[[ -x "$SASS" ]] || die "$SASS not found: add sass to devDependencies (npm install --save-dev --save-exact sass)"

# Build the new folder beside the old one, then swap, so that files dropped upstream do not linger
# and a failure half-way leaves the old copy intact.
mkdir -p "$(dirname "$DEST")"
tmp="$(mktemp -d "$(dirname "$DEST")/.nhsuk-frontend.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cp "$SRC/nhsuk-frontend.min.js" "$tmp/"
if [[ -e "$SRC/nhsuk-frontend.min.js.map" ]]; then cp "$SRC/nhsuk-frontend.min.js.map" "$tmp/"; fi
cp -R "$SRC/assets" "$tmp/assets"

# Compile the CSS; the settings are in $ENTRY. node_modules is the load path the package documents
# (docs/configuration/css.md). --quiet-deps silences warnings, deprecations included, raised by the
# package's own files (loaded through the load path), not those raised by $ENTRY. No source map: it
# would point into node_modules, which the app does not serve.
css="$tmp/nhsuk-frontend.min.css"
"$SASS" --load-path=node_modules --style=compressed --no-source-map --no-error-css --quiet-deps \
  "$ENTRY" "$css"
# Check the two reasons for compiling rather than copying: no web font, and every url() is one the
# app serves (CSP img-src 'self' allows these and data: URIs).
if grep -q '@font-face' "$css"; then
  die "the compiled CSS has @font-face rules: check the font settings in $ENTRY against $SRC/core/settings/_globals.scss"
fi
while IFS= read -r url; do
  case "$url" in
    data:*) ;;
    /lib/nhsuk-frontend/assets/*)
      [[ -f "$tmp/assets/${url#/lib/nhsuk-frontend/assets/}" ]] \
        || die "the compiled CSS refers to $url, which nhsuk-frontend $version does not ship" ;;
    *) die "the compiled CSS refers to '$url', outside /lib/nhsuk-frontend/assets/: check \$nhsuk-assets-path in $ENTRY" ;;
  esac
done < <(grep -o 'url([^)]*)' "$css" | sed -E 's/^url\(["'"'"']?//; s/["'"'"']?\)$//' | sort -u)

lic="$(find "$PKG" -maxdepth 1 -type f \( -iname 'LICENSE*' -o -iname 'LICENCE*' \) | head -n1)"
if [[ -n "$lic" ]]; then
  cp "$lic" "$tmp/LICENSE"
elif [[ "$license" == MIT ]]; then
  # The npm package (10.6.1 at least) ships no licence file, only "license": "MIT" in package.json.
  # MIT requires the notice to travel with copies, so write the upstream repository's LICENSE text.
  cat >"$tmp/LICENSE" <<'EOF'
MIT License

Copyright (c) 2019 NHS.UK

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
EOF
else
  die "nhsuk-frontend $version has no licence file and its licence is '$license', not MIT: check it before vendoring"
fi

echo "$version" >"$tmp/VERSION"

chmod 755 "$tmp"   # mktemp -d makes it 0700
rm -rf "$DEST"
mv "$tmp" "$DEST"
trap - EXIT

echo "nhsuk-frontend $version (CSS compiled with sass $("$SASS" --version)) written to $DEST:"
(cd "$DEST" && find . -maxdepth 1 -mindepth 1 | sort | sed 's#^\./#  #')
