#!/usr/bin/env bash
# Rejected deployments: the ParseException bodies. ENGINE_URL=... bash 02-rejected-deploy.sh
set -uo pipefail
source "$(dirname "$0")/lib.sh"
HEAD='<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">'
reject() { # title, file name, xml
  printf '%s\n' "$3" > "/tmp/$2"
  echo "**$1**"; echo
  echo '```http'; echo 'POST /engine-rest/deployment/create  (multipart: deployment-name=bad, one part '"$2"')'; echo '```'
  echo '```xml'; cat "/tmp/$2"; echo '```'; echo
  curl -s -D /tmp/probe-h -o "$LAST_BODY" -F deployment-name=bad -F "$2=@/tmp/$2;filename=$2" "$ENGINE_URL/deployment/create"
  show_response /tmp/probe-h "$LAST_BODY"; echo
}
echo '### Rejected deployments'; echo
reject 'Malformed XML (unclosed element)' malformed.bpmn "$HEAD
  <bpmn:process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">
    <bpmn:startEvent id=\"s\">
  </bpmn:process>
</bpmn:definitions>"
reject 'Executable process without historyTimeToLive' no-httl.bpmn "$HEAD
  <bpmn:process id=\"noHttl\" isExecutable=\"true\">
    <bpmn:startEvent id=\"s\" />
  </bpmn:process>
</bpmn:definitions>"
reject 'A DOCTYPE declaration' doctype.bpmn "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<!DOCTYPE foo [ <!ENTITY xxe \"boom\"> ]>
<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Defs\" targetNamespace=\"http://bpmn.io/schema/bpmn\">
  <bpmn:process id=\"doctype\" name=\"&xxe;\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">
    <bpmn:startEvent id=\"s\" />
  </bpmn:process>
</bpmn:definitions>"
reject 'Unparsable expression ${a +} in a sequence-flow condition' bad-expression.bpmn "$HEAD
  <bpmn:process id=\"badExpr\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">
    <bpmn:startEvent id=\"s\" />
    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"g\" />
    <bpmn:exclusiveGateway id=\"g\" />
    <bpmn:sequenceFlow id=\"f2\" sourceRef=\"g\" targetRef=\"e\">
      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">\${a +}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:endEvent id=\"e\" />
  </bpmn:process>
</bpmn:definitions>"
reject 'Unparsable expression ${a +} in a timer timeDate' bad-timer-expression.bpmn "$HEAD
  <bpmn:process id=\"badTimer\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">
    <bpmn:startEvent id=\"s\" />
    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\" />
    <bpmn:intermediateCatchEvent id=\"t\">
      <bpmn:timerEventDefinition id=\"td\"><bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">\${a +}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
  </bpmn:process>
</bpmn:definitions>"
reject 'Script task with no scriptFormat' no-script-format.bpmn "$HEAD
  <bpmn:process id=\"noFormat\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">
    <bpmn:startEvent id=\"s\" />
    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"sc\" />
    <bpmn:scriptTask id=\"sc\" name=\"Script\"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>
  </bpmn:process>
</bpmn:definitions>"
reject 'Two errors at once: external task without topic, and a sequence flow to an unknown element' two-errors.bpmn "$HEAD
  <bpmn:process id=\"twoErrors\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">
    <bpmn:startEvent id=\"s\" />
    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"ext\" />
    <bpmn:serviceTask id=\"ext\" camunda:type=\"external\" />
    <bpmn:sequenceFlow id=\"f2\" sourceRef=\"ext\" targetRef=\"nowhere\" />
  </bpmn:process>
</bpmn:definitions>"
reject 'Not XML at all' not-xml.bpmn 'hello, this is not a diagram'
echo '**A deployment with no resources at all**'; echo
echo '```http'; echo 'POST /engine-rest/deployment/create  (multipart: deployment-name=empty only)'; echo '```'
curl -s -D /tmp/probe-h -o "$LAST_BODY" -F deployment-name=empty "$ENGINE_URL/deployment/create"; show_response /tmp/probe-h "$LAST_BODY"; echo
echo '**A deployment sent as JSON instead of multipart**'; echo
call 'POST /deployment/create with Content-Type application/json' POST /deployment/create '{"deployment-name":"x"}'
call 'GET /deployment after all rejections (nothing was written)' GET '/deployment?name=bad'
