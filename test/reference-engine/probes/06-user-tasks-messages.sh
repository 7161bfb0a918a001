#!/usr/bin/env bash
# User tasks (form, deployed-form, form-variables, claim, complete) and POST /message. Needs 01.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
deploy ref-message "$FIXTURES/ref-message.bpmn"
echo '### User tasks'; echo
q POST /process-definition/key/ref-external/start '{"businessKey":"UT-1","variables":{"caseRef":{"value":"C-9","type":"String"}}}'; PI=$(j .id)
q POST /external-task/fetchAndLock '{"workerId":"w1","maxTasks":1,"topics":[{"topicName":"ref-work","lockDuration":60000,"businessKey":"UT-1"}]}'; q POST "/external-task/$(j '.[0].id')/complete" '{"workerId":"w1"}'
call 'GET /task?processInstanceId=…' GET "/task?processInstanceId=$PI"
T=$(j '.[0].id')
call 'GET /task?candidateGroup=reviewers&taskDefinitionKey=Review&processDefinitionKey=ref-external (count)' GET '/task/count?candidateGroup=reviewers&taskDefinitionKey=Review&processDefinitionKey=ref-external'
call 'GET /task/{id}/form' GET "/task/$T/form"
call 'GET /task/{id}/deployed-form' GET "/task/$T/deployed-form"
call 'GET /task/{id}/form-variables' GET "/task/$T/form-variables"
call 'POST /task/{id}/claim' POST "/task/$T/claim" '{"userId":"alice"}'
call 'POST /task/{id}/claim by someone else' POST "/task/$T/claim" '{"userId":"bob"}'
call 'GET /task/{id}' GET "/task/$T"
call 'POST /task/{id}/unclaim' POST "/task/$T/unclaim"
call 'POST /task/{id}/assignee' POST "/task/$T/assignee" '{"userId":"carol"}'
call 'POST /task/{id}/complete with variables, withVariablesInReturn' POST "/task/$T/complete" '{"variables":{"outcome":{"value":"resolved","type":"String"}},"withVariablesInReturn":true}'
call 'POST /task/{id}/complete again' POST "/task/$T/complete" '{}'
call 'GET /task/unknown' GET /task/unknown
call 'GET /history/task?processInstanceId=…' GET "/history/task?processInstanceId=$PI"
call 'GET /history/process-instance?processInstanceId=…' GET "/history/process-instance?processInstanceId=$PI"

echo '### Messages'; echo
for k in MSG-1 MSG-2 MSG-2; do q POST /process-definition/key/ref-message/start "{\"businessKey\":\"$k\"}"; done
q GET '/process-instance?businessKey=MSG-1'; PI1=$(j '.[0].id')
call 'POST /message by business key' POST /message '{"messageName":"ref-message","businessKey":"MSG-1"}'
call 'POST /message with nothing waiting' POST /message '{"messageName":"ref-message","businessKey":"MSG-none"}'
call 'POST /message when two instances match, without all' POST /message '{"messageName":"ref-message","businessKey":"MSG-2"}'
call 'POST /message with all=true and resultEnabled=true' POST /message '{"messageName":"ref-message","businessKey":"MSG-2","all":true,"resultEnabled":true}'
q POST /process-definition/key/ref-message/start '{"businessKey":"MSG-3"}'; PI3=$(j .id)
call 'POST /message by processInstanceId, resultEnabled, variablesInResultEnabled, processVariables' POST /message "{\"messageName\":\"ref-message\",\"processInstanceId\":\"$PI3\",\"resultEnabled\":true,\"variablesInResultEnabled\":true,\"processVariables\":{\"reason\":{\"value\":\"immediate risk\",\"type\":\"String\"}}}"
call 'POST /message without messageName' POST /message '{"businessKey":"MSG-1"}'
call 'POST /message for an unknown message name' POST /message '{"messageName":"nobody-listens"}'
