#!/usr/bin/env bash
# A new user's first steps on a machine without bubblewrap: clone the repository into a temp
# folder, `npm install`, `npm test`, with bwrap hidden from PATH. Uses the Node first on PATH
# (put another first to try it: PATH=~/node26/node_modules/.bin:$PATH tools/fresh-clone-test.sh).
#
# "Hidden" means what a machine without the Debian package looks like: `command -v bwrap` finds
# nothing. A stub named bwrap would still be found; and since /bin is /usr/bin on merged-/usr
# systems, leaving a folder out of PATH hides every tool in it. So PATH becomes one temp folder
# of links to every command on the current PATH but bwrap.
#
# Usage: tools/fresh-clone-test.sh [--keep]   (--keep leaves the temp folder for a look afterwards)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
keep="${1:-}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fresh-clone-XXXXXX")"
chmod 755 "$work" # the sandbox's children run as nobody when this runs as root
if [ "$keep" != --keep ]; then trap 'rm -rf "$work"' EXIT; fi

bin="$work/bin"
mkdir "$bin"
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    name="${f##*/}"
    [ "$name" = bwrap ] && continue
    [ -x "$f" ] && [ ! -e "$bin/$name" ] && ln -s "$f" "$bin/$name"
  done
done
export PATH="$bin"
hash -r
if command -v bwrap >/dev/null 2>&1; then
  echo "fresh-clone-test: bwrap is still on PATH ($(command -v bwrap))" >&2
  exit 1
fi

echo "fresh-clone-test: cloning $repo (its checked-out commit $(git -C "$repo" rev-parse --short HEAD)) into $work/clone"
git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
echo "fresh-clone-test: node $(node --version), npm $(npm --version), bwrap: not on PATH"
npm install --no-audit --no-fund
npm test
echo "fresh-clone-test: npm install && npm test passed without bwrap on node $(node --version)"
