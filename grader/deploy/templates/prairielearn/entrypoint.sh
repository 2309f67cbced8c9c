#!/usr/bin/env bash
# PrairieLearn's external grader runs this in the container (info.json: "entrypoint"). The
# student's files are in /grade/student; results go to /grade/results/results.json, which this
# script always leaves, `gradable: false` with the reason if the grader itself could not run.
# The container must exit 0, or PrairieLearn discards the results.
# PL_GRADE_ROOT (default /grade) exists for the project's tests.
set -uo pipefail
root="${PL_GRADE_ROOT:-/grade}"
mkdir -p "${root}/results"
# node with tsx's loader, not the tsx command, which would stay alive as a second Node process;
# small young-generation semi-spaces, as in Gradescope's run_autograder (a lower peak of memory).
(cd "$(dirname "$(readlink -f "$0")")" && PL_GRADE_ROOT="${root}" node --max-semi-space-size=4 --import tsx grader/deploy/prairielearn-entrypoint.ts)
status=$?
if [ ! -s "${root}/results/results.json" ]; then
  message="The grader stopped before writing a result (exit code ${status}). It does not count as an attempt; please tell your instructor."
  printf '{"gradable": false, "message": "%s", "format_errors": ["%s"]}\n' "${message}" "${message}" > "${root}/results/results.json"
fi
exit 0
