#!/usr/bin/env bash
# External tasks. Needs 01 (ref-external deployed).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
start() { q POST /process-definition/key/ref-external/start "{\"businessKey\":\"$1\",\"variables\":{\"caseRef\":{\"value\":\"C-1\",\"type\":\"String\"},\"other\":{\"value\":1,\"type\":\"Integer\"}}}"; j .id; }
lockOne() { q POST /external-task/fetchAndLock "{\"workerId\":\"w1\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"ref-work\",\"lockDuration\":60000,\"businessKey\":\"$1\"}]}"; j '.[0].id'; }
echo '### External tasks'; echo
PI=$(start ET-1)
call 'fetchAndLock with includeExtensionProperties, localVariables, a variables filter' POST /external-task/fetchAndLock \
  '{"workerId":"w1","maxTasks":5,"usePriority":true,"topics":[{"topicName":"ref-work","lockDuration":60000,"variables":["caseRef","recordKind"],"localVariables":false,"includeExtensionProperties":true,"businessKey":"ET-1"}]}'
T=$(j '.[0].id')
PI2=$(start ET-1b)
call 'fetchAndLock with localVariables=true (only the task-local recordKind input comes back)' POST /external-task/fetchAndLock \
  '{"workerId":"w1","maxTasks":1,"topics":[{"topicName":"ref-work","lockDuration":60000,"localVariables":true,"businessKey":"ET-1b"}]}'
call 'GET /external-task/{id}' GET "/external-task/$T"
call 'GET /external-task?processInstanceId=…' GET "/external-task?processInstanceId=$PI"
call 'complete with the wrong workerId' POST "/external-task/$T/complete" '{"workerId":"intruder","variables":{}}'
call 'extendLock by the owner' POST "/external-task/$T/extendLock" '{"workerId":"w1","newDuration":120000}'
call 'extendLock by another worker' POST "/external-task/$T/extendLock" '{"workerId":"intruder","newDuration":120000}'
call 'unlock' POST "/external-task/$T/unlock"
call 'complete an unlocked task' POST "/external-task/$T/complete" '{"workerId":"w1"}'
call 'lock (POST /external-task/{id}/lock)' POST "/external-task/$T/lock" '{"workerId":"w2","lockDuration":60000}'
call 'lock again by another worker while locked' POST "/external-task/$T/lock" '{"workerId":"w3","lockDuration":60000}'
call 'complete with process and local variables' POST "/external-task/$T/complete" '{"workerId":"w2","variables":{"result":{"value":"ok","type":"String"}},"localVariables":{"note":{"value":"local","type":"String"}}}'
call 'complete the same task a second time' POST "/external-task/$T/complete" '{"workerId":"w2"}'
call 'GET /external-task/{id} after completion' GET "/external-task/$T"
call 'GET /process-instance/{id}/variables after completion (result set, note was local)' GET "/process-instance/$PI/variables"

PI=$(start ET-2); T=$(lockOne ET-2)
call 'failure with retries 1 (retryTimeout 0)' POST "/external-task/$T/failure" '{"workerId":"w1","errorMessage":"SMTP down","errorDetails":"stack trace line 1\nline 2","retries":1,"retryTimeout":0}'
call 'GET /external-task/{id} after the failure' GET "/external-task/$T"
call 'GET /external-task/{id}/errorDetails' GET "/external-task/$T/errorDetails"
T=$(lockOne ET-2)
call 'failure with retries 0 (makes an incident)' POST "/external-task/$T/failure" '{"workerId":"w1","errorMessage":"SMTP down for good","errorDetails":"details","retries":0,"retryTimeout":0}'
call 'GET /incident?processInstanceId=…' GET "/incident?processInstanceId=$PI"
call 'GET /external-task/{id} (retries 0, not fetchable)' GET "/external-task/$T"
call 'fetchAndLock does not deliver it' POST /external-task/fetchAndLock '{"workerId":"w1","maxTasks":1,"topics":[{"topicName":"ref-work","lockDuration":1000,"businessKey":"ET-2"}]}'
call 'PUT /external-task/{id}/retries (resolves the incident)' PUT "/external-task/$T/retries" '{"retries":2}'
call 'GET /incident?processInstanceId=… after the retries' GET "/incident?processInstanceId=$PI"
call 'PUT retries negative' PUT "/external-task/$T/retries" '{"retries":-1}'

PI=$(start ET-3); T=$(lockOne ET-3)
call 'bpmnError caught by the error boundary (errorCode REF_ERR)' POST "/external-task/$T/bpmnError" '{"workerId":"w1","errorCode":"REF_ERR","errorMessage":"no manager on record","variables":{"why":{"value":"none","type":"String"}}}'
call 'GET /history/process-instance/{id} (ended through the boundary)' GET "/history/process-instance/$PI"
call 'GET /history/variable-instance?processInstanceId=…' GET "/history/variable-instance?processInstanceId=$PI"
PI=$(start ET-4); T=$(lockOne ET-4)
call 'bpmnError with a code nobody catches' POST "/external-task/$T/bpmnError" '{"workerId":"w1","errorCode":"UNCAUGHT"}'
call 'GET /process-instance/{id} afterwards' GET "/process-instance/$PI"

call 'complete an unknown id' POST /external-task/no-such-task/complete '{"workerId":"w1"}'
call 'fetchAndLock without workerId' POST /external-task/fetchAndLock '{"maxTasks":1,"topics":[{"topicName":"ref-work","lockDuration":1000}]}'
call 'fetchAndLock with a topic without lockDuration' POST /external-task/fetchAndLock '{"workerId":"w1","maxTasks":1,"topics":[{"topicName":"ref-work"}]}'
call 'fetchAndLock with maxTasks as a string' POST /external-task/fetchAndLock '{"workerId":"w1","maxTasks":"many","topics":[]}'
call 'fetchAndLock with an unknown field' POST /external-task/fetchAndLock '{"workerId":"w1","maxTasks":1,"bogus":true,"topics":[]}'
call 'GET /external-task/count' GET /external-task/count
