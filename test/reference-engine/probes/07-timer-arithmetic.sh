#!/usr/bin/env bash
# Timer arithmetic across the 25 Oct 2026 DST change. The engine must run with its clock just before it:
#   LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 FAKETIME="@2026-10-24 11:00:00" \
#   FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=UTC java -Duser.timezone=Europe/London -jar target/reference-engine.jar
# (Debian package faketime; Operaton's clock cannot be moved over REST.)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
deploy ref-timers "$FIXTURES/ref-timers.bpmn"
echo '### Timer arithmetic across the DST change (clock: 2026-10-24 ~12:0x BST = 11:0x UTC)'; echo
call 'POST /process-definition/key/ref-timers/start' POST /process-definition/key/ref-timers/start '{"businessKey":"DST"}'
PI=$(j .id)
call 'GET /job?processInstanceId=…&timers=true&sortBy=jobDueDate&sortOrder=asc' GET "/job?processInstanceId=$PI&timers=true&sortBy=jobDueDate&sortOrder=asc"
echo 'Job definitions (which activity each timer belongs to):'; echo
call 'GET /job-definition?processDefinitionKey=ref-timers' GET '/job-definition?processDefinitionKey=ref-timers'
q GET "/job?processInstanceId=$PI&timers=true&activityId=Remind"; J=$(j '.[0].id')
call 'POST /job/{id}/execute on the R3/PT24H cycle' POST "/job/$J/execute"
call 'GET /job?…&activityId=Remind (the next cycle job)' GET "/job?processInstanceId=$PI&timers=true&activityId=Remind"
