#!/usr/bin/env bash
# A completion that makes the engine evaluate ${stageDue} / a gateway condition on a missing variable;
# a timer job that fails when it runs. Deploys ref-timer-var and ref-failing-timer.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
deploy ref-timer-var "$FIXTURES/ref-timer-var.bpmn"
deploy ref-failing-timer "$FIXTURES/ref-failing-timer.bpmn"
lockOne() { q POST /external-task/fetchAndLock "{\"workerId\":\"w1\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"ref-schedule\",\"lockDuration\":60000,\"businessKey\":\"$1\"}]}"; j '.[0].id'; }
echo '### Expressions evaluated on completion'; echo
q POST /process-definition/key/ref-timer-var/start '{"businessKey":"EX-1"}'; PI=$(j .id); T=$(lockOne EX-1)
call 'complete so that the gateway takes the timer path, without stageDue (timer timeDate="${stageDue}")' POST "/external-task/$T/complete" '{"workerId":"w1","variables":{"path":{"value":"timer","type":"String"}}}'
call 'GET /external-task/{id}: the task is still there, still locked by w1' GET "/external-task/$T"
call 'GET /process-instance/{id}/variables: the completion variables were rolled back' GET "/process-instance/$PI/variables"
call 'complete again, now with stageDue as a Date' POST "/external-task/$T/complete" '{"workerId":"w1","variables":{"path":{"value":"timer","type":"String"},"stageDue":{"value":"2026-12-01T17:00:00.000+0000","type":"Date"}}}'
call 'GET /job?processInstanceId=…&timers=true' GET "/job?processInstanceId=$PI&timers=true"
J=$(j '.[0].id')
call 'GET /job/{id}' GET "/job/$J"
call 'PUT /job/{id}/duedate' PUT "/job/$J/duedate" '{"duedate":"2026-11-24T09:00:00.000+0000"}'
call 'GET /job/{id} after the new due date' GET "/job/$J"
call 'POST /job/{id}/execute (fires the timer now)' POST "/job/$J/execute"
call 'GET /history/activity-instance?processInstanceId=…&sortBy=startTime&sortOrder=asc' GET "/history/activity-instance?processInstanceId=$PI&sortBy=startTime&sortOrder=asc"

q POST /process-definition/key/ref-timer-var/start '{"businessKey":"EX-2"}'; PI=$(j .id); T=$(lockOne EX-2)
call 'complete with no "path" variable at all (gateway condition on a missing variable)' POST "/external-task/$T/complete" '{"workerId":"w1"}'
call 'complete with stageDue as a String "2026-12-01T17:00:00" (ISO text is accepted by timeDate)' POST "/external-task/$T/complete" '{"workerId":"w1","variables":{"path":{"value":"timer","type":"String"},"stageDue":{"value":"2026-12-01T17:00:00","type":"String"}}}'
call 'GET /job?processInstanceId=…' GET "/job?processInstanceId=$PI"
q POST /process-definition/key/ref-timer-var/start '{"businessKey":"EX-3"}'; PI=$(j .id); T=$(lockOne EX-3)
call 'complete with stageDue as a String that is not a date' POST "/external-task/$T/complete" '{"workerId":"w1","variables":{"path":{"value":"timer","type":"String"},"stageDue":{"value":"next tuesday","type":"String"}}}'

echo '### A timer whose job fails when it runs'; echo
q POST /process-definition/key/ref-failing-timer/start '{"businessKey":"JOB-1"}'; PI=$(j .id)
call 'GET /job?processInstanceId=… (the PT1H timer)' GET "/job?processInstanceId=$PI"
J=$(j '.[0].id')
call 'POST /job/{id}/execute (the gateway after it needs missingVar)' POST "/job/$J/execute"
call 'GET /job/{id} after the failed execute' GET "/job/$J"
call 'PUT /job/{id}/duedate to now, so the job executor picks it up' PUT "/job/$J/duedate" '{"duedate":"2020-01-01T00:00:00.000+0000"}'
echo '(waited for the job executor to exhaust the retries: default retry cycle is 3 attempts, no delay)'; echo
for i in $(seq 1 60); do q GET "/job/$J"; [ "$(j .retries)" = 0 ] && break; sleep 1; done
call 'GET /job/{id} after the job executor ran it' GET "/job/$J"
call 'GET /incident?processInstanceId=…' GET "/incident?processInstanceId=$PI"
call 'GET /history/incident?processInstanceId=…' GET "/history/incident?processInstanceId=$PI"
call 'GET /job/{id}/stacktrace' GET "/job/$J/stacktrace"
call 'GET /job?timers=true&withException=true' GET "/job?processInstanceId=$PI&timers=true&withException=true"
call 'GET /job/count' GET /job/count
call 'GET /job/unknown' GET /job/unknown
call 'POST /job/unknown/execute' POST /job/unknown/execute
call 'PUT /job/{id}/duedate with a bad date' PUT "/job/$J/duedate" '{"duedate":"tomorrow"}'
