#!/usr/bin/env bash
# Basics and deployments. Needs a fresh engine: ENGINE_URL=... bash 01-basics-deploy.sh
set -uo pipefail
source "$(dirname "$0")/lib.sh"

echo '### Basics'; echo
call 'GET /version' GET /version
call 'GET /engine' GET /engine
call 'GET /deployment?maxResults=0 (Modeler connection check)' GET '/deployment?maxResults=0'

modeler_deploy() { # title, extra curl -F args...
  local title="$1"; shift
  echo "**$title**"; echo
  echo '```http'
  echo 'POST /engine-rest/deployment/create'
  echo 'Content-Type: multipart/form-data; boundary=...'
  for a in "$@"; do [ "$a" = -F ] || echo "  part ${a//$FIXTURES/fixtures}"; done
  echo '```'; echo
  curl -s -D /tmp/probe-h -o "$LAST_BODY" "$@" "$ENGINE_URL/deployment/create"
  show_response /tmp/probe-h "$LAST_BODY"; echo
}
M=(-F 'deployment-name=ref-external' -F 'deployment-source=Camunda Modeler' -F 'enable-duplicate-filtering=true'
   -F "ref-external.bpmn=@$FIXTURES/ref-external.bpmn;filename=ref-external.bpmn"
   -F "ref-outcome.form=@$FIXTURES/ref-outcome.form;filename=ref-outcome.form")
echo '### Deployments'; echo
modeler_deploy 'Deploy as Camunda Modeler 5 sends it (a .bpmn and a .form part)' "${M[@]}"
modeler_deploy 'The same deploy again (duplicate filtering)' "${M[@]}"
call 'GET /deployment (after the two deploys)' GET '/deployment'
sed 's/name="Do the work"/name="Do the work (changed)"/' "$FIXTURES/ref-external.bpmn" > /tmp/ref-external-changed.bpmn
modeler_deploy 'deploy-changed-only=true with the .bpmn changed and the .form unchanged' \
  -F 'deployment-name=ref-external' -F 'deployment-source=Camunda Modeler' -F 'deploy-changed-only=true' \
  -F "ref-external.bpmn=@/tmp/ref-external-changed.bpmn;filename=ref-external.bpmn" \
  -F "ref-outcome.form=@$FIXTURES/ref-outcome.form;filename=ref-outcome.form"
DEP=$(j .id)
call 'GET /deployment/{id}/resources of that deployment' GET "/deployment/$DEP/resources"
call 'GET /process-definition?key=ref-external&sortBy=version&sortOrder=asc' GET '/process-definition?key=ref-external&sortBy=version&sortOrder=asc'
