/** Basic auth after a failed login: does the right password work at once? Usage: npx tsx auth-lockout.ts */
import { startReferenceEngine } from '../launcher.js';

const engine = await startReferenceEngine({ auth: { user: 'demo', password: 's3cret' } });
const header = (password: string) => ({
  authorization: `Basic ${Buffer.from(`demo:${password}`).toString('base64')}`,
});
const show = async (label: string, password: string | null) => {
  const response = await fetch(
    `${engine.url}/version`,
    password === null ? {} : { headers: header(password) },
  );
  console.log(
    `${label}: ${response.status} www-authenticate=${response.headers.get('www-authenticate')} content-type=${response.headers.get('content-type')} body=${JSON.stringify(await response.text())}`,
  );
};
await show('GET /version, no credentials', null);
await show('GET /version, right password', 's3cret');
await show('GET /version, wrong password', 'wrong');
await show('GET /version, right password immediately after', 's3cret');
await new Promise((r) => setTimeout(r, 3500));
await show('GET /version, right password 3.5 s later', 's3cret');
await engine.stop();
