# Probe helpers: each call prints the exact request and the exact response as Markdown, for FINDINGS.md.
# Usage: source lib.sh; export ENGINE_URL=...; call "title" METHOD /path [json-body]
# Headers shown: the status line, Content-Type, Location, WWW-Authenticate (the rest is Date/Length noise).
FIXTURES="$(cd "$(dirname "${BASH_SOURCE[0]}")/../fixtures" && pwd)"
: "${ENGINE_URL:?set ENGINE_URL}"
LAST_BODY=/tmp/probe-last-body.json

show_response() { # $1 headers file, $2 body file
  echo '```http'
  grep -i -E '^(HTTP/|content-type:|location:|www-authenticate:)' "$1" | tr -d '\r'
  echo
  if [ -s "$2" ]; then
    if head -c1 "$2" | grep -q -E '[\[{]'; then jq . "$2" 2>/dev/null || cat "$2"; else head -c 3000 "$2"; fi
  fi
  echo
  echo '```'
}

# call TITLE METHOD PATH [BODY]
call() {
  local title="$1" method="$2" path="$3" body="${4-}"
  echo "**$title**"
  echo
  echo '```http'
  echo "$method /engine-rest$path"
  if [ -n "$body" ]; then echo 'Content-Type: application/json'; echo; echo "$body"; fi
  echo '```'
  echo
  if [ -n "$body" ]; then
    curl -s -D /tmp/probe-h -o "$LAST_BODY" -X "$method" -H 'Content-Type: application/json' --data-binary "$body" "$ENGINE_URL$path"
  else
    curl -s -D /tmp/probe-h -o "$LAST_BODY" -X "$method" "$ENGINE_URL$path"
  fi
  show_response /tmp/probe-h "$LAST_BODY"
  echo
}

# quiet variants for setup steps: print nothing, leave body in $LAST_BODY
q() { # METHOD PATH [BODY]
  if [ -n "${3-}" ]; then
    curl -s -o "$LAST_BODY" -X "$1" -H 'Content-Type: application/json' --data-binary "$3" "$ENGINE_URL$2"
  else
    curl -s -o "$LAST_BODY" -X "$1" "$ENGINE_URL$2"
  fi
}
j() { jq -r "$1" "$LAST_BODY"; }

# deploy NAME FILE... (quiet, multipart, duplicate filtering off)
deploy() {
  local name="$1"; shift
  local args=(-F "deployment-name=$name" -F "deployment-source=probe")
  for f in "$@"; do args+=(-F "data=@$f;filename=$(basename "$f")"); done
  curl -s -o "$LAST_BODY" "${args[@]}" "$ENGINE_URL/deployment/create"
}
