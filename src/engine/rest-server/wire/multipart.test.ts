import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart, type MultipartLimits } from './multipart.js';
import type { RestError } from './rest-error.js';

/** A real HTTP server that answers with what parseMultipart made of the body. */
async function withServer(limits: MultipartLimits, run: (url: string) => Promise<void>): Promise<void> {
  const server = http.createServer((req, res) => {
    parseMultipart(req, limits).then(
      (body) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({
            fields: Object.fromEntries(body.fields),
            files: body.files.map((f) => ({
              field: f.field,
              filename: f.filename,
              type: f.contentType,
              text: f.content.toString(),
            })),
          }),
        );
      },
      (err: RestError) => {
        res.statusCode = err.status;
        res.end(err.message);
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

const limits: MultipartLimits = { fileBytes: 1024, fieldBytes: 64, parts: 5, totalBytes: 4096 };

describe('multipart/form-data parsing', () => {
  it('Given Camunda Modeler’s form, When parsed, Then fields and file parts arrive intact', async () => {
    await withServer(limits, async (url) => {
      const form = new FormData();
      form.append('deployment-name', 'east-riding');
      form.append('deployment-source', 'Camunda Modeler');
      form.append('enable-duplicate-filtering', 'true');
      form.append('east-riding.bpmn', new Blob(['<xml/>'], { type: 'text/xml' }), 'east-riding.bpmn');
      form.append('stage.form', new Blob(['{}']), 'stage.form');
      const res = await fetch(url, { method: 'POST', body: form });
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.equal({
        fields: {
          'deployment-name': 'east-riding',
          'deployment-source': 'Camunda Modeler',
          'enable-duplicate-filtering': 'true',
        },
        files: [
          { field: 'east-riding.bpmn', filename: 'east-riding.bpmn', type: 'text/xml', text: '<xml/>' },
          { field: 'stage.form', filename: 'stage.form', type: 'application/octet-stream', text: '{}' },
        ],
      });
    });
  });

  it('Given a file part over its limit, When parsed, Then a 413 names the resource', async () => {
    await withServer(limits, async (url) => {
      const form = new FormData();
      form.append('big.bpmn', new Blob(['x'.repeat(2048)]), 'big.bpmn');
      const res = await fetch(url, { method: 'POST', body: form });
      expect(res.status).to.equal(413);
      expect(await res.text()).to.equal("Resource 'big.bpmn' is larger than the limit of 1024 bytes");
    });
  });

  it('Given too many parts, When parsed, Then a 413 is given', async () => {
    await withServer(limits, async (url) => {
      const form = new FormData();
      for (let i = 0; i < 7; i++) form.append(`f${i}`, 'v');
      expect((await fetch(url, { method: 'POST', body: form })).status).to.equal(413);
    });
  });

  it('Given a non-multipart body, When parsed, Then a 400 is given', async () => {
    await withServer(limits, async (url) => {
      const res = await fetch(url, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).to.equal(400);
    });
  });

  it('Given a truncated multipart body, When parsed, Then a 400 is given, not a hang or a crash', async () => {
    await withServer(limits, async (url) => {
      const body = '--XYZ\r\nContent-Disposition: form-data; name="a"; filename="a.bpmn"\r\n\r\nhalf';
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      });
      expect(res.status).to.equal(400);
    });
  });
});
