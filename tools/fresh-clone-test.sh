#!/usr/bin/env bash
# A new user's first steps: clone the repository into a `mktemp -d` folder (mode 700: as root,
# closed to the user nobody who runs student code), `npm install`, `npm test`, then
# `npm run grade -- solutions`, which must give full marks. The folder's permissions are left as
# mktemp made them: the sandbox must reach Node and tfjs without anyone opening them.
# Uses the Node first on PATH (put another first to try it: PATH=~/node26/node_modules/.bin:$PATH …).
#
# By default bwrap is hidden, as on a machine without the Debian package: "hidden" means
# `command -v bwrap` finds nothing. A stub named bwrap would still be found; and since /bin is
# /usr/bin on merged-/usr systems, leaving a folder out of PATH hides every tool in it. So PATH
# becomes one temp folder of links to every command on the current PATH but bwrap.
#
# Usage: tools/fresh-clone-test.sh [--bwrap] [--keep]
#   --bwrap  keep bwrap on PATH (the bwrap mode's tests run too)
#   --keep   leave the temp folder for a look afterwards
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
keep=no
with_bwrap=no
for a in "$@"; do
  case "$a" in
    --keep) keep=yes ;;
    --bwrap) with_bwrap=yes ;;
    *) echo "usage: $0 [--bwrap] [--keep]" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d "${TMPDIR:-/tmp}/fresh-clone-XXXXXX")"
if [ "$keep" = no ]; then trap 'rm -rf "$work"' EXIT; fi

if [ "$with_bwrap" = no ]; then
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
fi
bwrap_note="bwrap: $(command -v bwrap || echo 'not on PATH')"

echo "fresh-clone-test: cloning $repo (its checked-out commit $(git -C "$repo" rev-parse --short HEAD)) into $work/clone ($(stat -c '%A %U' "$work"), as $(id -un))"
git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
echo "fresh-clone-test: node $(node --version), npm $(npm --version), $bwrap_note"
npm install --no-audit --no-fund
npm test
out="$work/solutions-report"
npm run grade -- solutions --out "$out" 2>&1 | tee "$work/grade.log"
total="$(grep -E '^Total: ' "$work/grade.log" | tail -1)"
if ! [[ "$total" =~ ^Total:\ ([0-9.]+)/([0-9.]+) ]] || [ "${BASH_REMATCH[1]}" != "${BASH_REMATCH[2]}" ]; then
  echo "fresh-clone-test: solutions did not get full marks (${total:-no total printed})" >&2
  exit 1
fi
echo "fresh-clone-test: in a folder closed to others ($(stat -c '%A' "$work")), npm install && npm test passed and solutions got ${total#Total: } on node $(node --version), $bwrap_note"
