#!/usr/bin/env bash
# Starting with typed variables and reading them back. Needs 01 (ref-external deployed).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
echo '### Starting a process with typed variables'; echo
B64=$(printf 'hello bytes' | base64)
START='{
  "businessKey": "ESC-0001",
  "withVariablesInReturn": true,
  "variables": {
    "aString": {"value": "text", "type": "String"},
    "aBoolean": {"value": true, "type": "Boolean"},
    "anInteger": {"value": 42, "type": "Integer"},
    "aLong": {"value": 9007199254740991, "type": "Long"},
    "aDouble": {"value": 1.5, "type": "Double"},
    "aDate": {"value": "2026-11-23T14:00:00.000+0000", "type": "Date"},
    "aNull": {"value": null, "type": "Null"},
    "aJson": {"value": "{\"plan\":{\"by\":\"2026-12-01\"},\"n\":[1,2]}", "type": "Json"},
    "anObject": {"value": "{\"role\":\"lead\"}", "type": "Object", "valueInfo": {"objectTypeName": "java.util.LinkedHashMap", "serializationDataFormat": "application/json"}},
    "someBytes": {"value": "'"$B64"'", "type": "Bytes"},
    "aFile": {"value": "'"$B64"'", "type": "File", "valueInfo": {"filename": "note.txt", "mimetype": "text/plain", "encoding": "UTF-8"}},
    "lowercaseType": {"value": "x", "type": "string"}
  }
}'
call 'POST /process-definition/key/ref-external/start with every type, withVariablesInReturn' POST /process-definition/key/ref-external/start "$START"
PI=$(j .id)
call 'GET /process-instance/{id}/variables' GET "/process-instance/$PI/variables"
call 'GET /process-instance/{id}/variables?deserializeValues=false' GET "/process-instance/$PI/variables?deserializeValues=false"
call 'GET /process-instance/{id}/variables/aJson' GET "/process-instance/$PI/variables/aJson"
call 'GET /process-instance/{id}/variables/anObject?deserializeValue=false' GET "/process-instance/$PI/variables/anObject?deserializeValue=false"
call 'GET /process-instance/{id}/variables/aFile/data' GET "/process-instance/$PI/variables/aFile/data"
call 'GET /process-instance/{id}/variables/someBytes/data' GET "/process-instance/$PI/variables/someBytes/data"
call 'GET /process-instance/{id}/variables/aString/data (not binary)' GET "/process-instance/$PI/variables/aString/data"
call 'GET /process-instance/{id}/variables/nope (unknown name)' GET "/process-instance/$PI/variables/nope"
call 'PUT /process-instance/{id}/variables/aDate with a date in summer time' PUT "/process-instance/$PI/variables/aDate" '{"value":"2026-07-01T09:30:00.000+0100","type":"Date"}'
call 'GET it back' GET "/process-instance/$PI/variables/aDate"
call 'PUT a Date given in UTC with Z (not Camunda format)' PUT "/process-instance/$PI/variables/aDate" '{"value":"2026-07-01T08:30:00Z","type":"Date"}'
call 'PUT a Date without millis' PUT "/process-instance/$PI/variables/aDate" '{"value":"2026-07-01T08:30:00+0000","type":"Date"}'
call 'PUT a Date with +01:00 offset (colon)' PUT "/process-instance/$PI/variables/aDate" '{"value":"2026-07-01T09:30:00.000+01:00","type":"Date"}'
call 'PUT an unknown variable type' PUT "/process-instance/$PI/variables/x" '{"value":"1","type":"Money"}'
call 'PUT an Integer with a string value' PUT "/process-instance/$PI/variables/x" '{"value":"abc","type":"Integer"}'
call 'PUT an Integer too large' PUT "/process-instance/$PI/variables/x" '{"value":9007199254740991,"type":"Integer"}'
call 'PUT an Object with Java serialization' PUT "/process-instance/$PI/variables/x" '{"value":"rO0AB","type":"Object","valueInfo":{"objectTypeName":"java.lang.String","serializationDataFormat":"application/x-java-serialized-object"}}'
call 'PUT a Json that is not JSON' PUT "/process-instance/$PI/variables/x" '{"value":"{not json","type":"Json"}'
call 'PUT without a type (untyped value)' PUT "/process-instance/$PI/variables/untyped" '{"value":12}'
call 'GET it back' GET "/process-instance/$PI/variables/untyped"
call 'POST /process-instance/{id}/variables (modify: set one, delete one)' POST "/process-instance/$PI/variables" '{"modifications":{"aString":{"value":"changed","type":"String"}},"deletions":["aNull"]}'
call 'DELETE /process-instance/{id}/variables/aBoolean' DELETE "/process-instance/$PI/variables/aBoolean"
call 'Start with a bad JSON body' POST /process-definition/key/ref-external/start '{"variables": {'
call 'Start with variables as an array' POST /process-definition/key/ref-external/start '{"variables": []}'
call 'Start an unknown key' POST /process-definition/key/no-such-process/start '{}'
call 'GET /process-instance/{id}' GET "/process-instance/$PI"
call 'GET /process-instance/{id}/activity-instances' GET "/process-instance/$PI/activity-instances"
call 'GET /process-instance?businessKey=ESC-0001' GET '/process-instance?businessKey=ESC-0001'
call 'GET /process-instance/unknown-id' GET /process-instance/unknown-id
call 'GET /process-instance/count' GET /process-instance/count
