#!/usr/bin/env bash
# Installs schemathesis for `npm run fuzz` into a virtual environment (FUZZ_VENV, default .tmp/fuzz-venv):
# the version pinned in requirements.txt, every transitive dependency pinned with its hashes
# (pip --require-hashes). Regenerate requirements.txt from requirements.in with
#   uv pip compile --universal --generate-hashes --python-version 3.11 requirements.in -o requirements.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${FUZZ_VENV:-.tmp/fuzz-venv}"
requirements=scripts/fuzz/requirements.txt
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -x "$venv/bin/schemathesis" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  echo "FAIL: python3 cannot create a virtual environment. Run: sudo apt-get install -y python3-venv" >&2
  exit 1
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary ':all:' -r "$requirements"
echo "$want" >"$stamp"
"$venv/bin/schemathesis" --version
