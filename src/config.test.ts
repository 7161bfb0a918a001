import { expect } from 'chai';
import path from 'node:path';
import { ConfigError, databaseFileFrom, loadConfig } from './config.js';

describe('Configuration from the environment', () => {
  it('Given an empty environment, When loaded, Then the documented defaults apply', () => {
    const c = loadConfig({}, '/srv/escalations');
    expect(c).to.deep.equal({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/escalations', 'data'),
      databaseFile: path.resolve('/srv/escalations', 'data', 'engine.sqlite'),
      auth: null,
      publicAccess: false,
      trustProxy: null,
      timezone: 'Europe/London',
      holidaysFile: null,
      workers: true,
      engineUrl: null,
      publicUrl: null,
      dataKey: null,
      metricsToken: null,
      warnings: [],
    });
  });

  it('Given ENGINE_URL, When loaded, Then DATA_KEY is required (the key file is for the embedded default only)', () => {
    expect(() => loadConfig({ ENGINE_URL: 'https://camunda.example.org/engine-rest' })).to.throw(
      ConfigError,
      /DATA_KEY: required with ENGINE_URL/,
    );
    const c = loadConfig({ ENGINE_URL: 'https://camunda.example.org/engine-rest/', DATA_KEY: 'k' });
    expect(c.engineUrl).to.equal('https://camunda.example.org/engine-rest');
  });

  it('Given WORKERS=off or a wrong value, When loaded, Then the workers are left out, or a ConfigError names WORKERS', () => {
    expect(loadConfig({ WORKERS: 'off' }).workers).to.equal(false);
    expect(loadConfig({ WORKERS: ' ON ' }).workers).to.equal(true);
    expect(() => loadConfig({ WORKERS: 'no' })).to.throw(ConfigError, /WORKERS/);
  });

  it('Given every variable, When loaded, Then each is honoured', () => {
    const c = loadConfig(
      {
        PORT: '9090',
        DATA_DIR: '/var/lib/esc',
        ENGINE_REST_USER: 'modeler',
        ENGINE_REST_PASSWORD: 's3cret',
        ENGINE_TIMEZONE: 'UTC',
        HOLIDAYS_FILE: 'holidays.json',
        METRICS_TOKEN: 'scrape-me-0123456789abcdef',
      },
      '/srv',
    );
    expect(c.port).to.equal(9090);
    expect(c.dataDir).to.equal('/var/lib/esc');
    expect(c.auth).to.deep.equal({ user: 'modeler', password: 's3cret' });
    expect(c.publicAccess).to.equal(true);
    expect(c.timezone).to.equal('UTC');
    expect(c.holidaysFile).to.equal('/srv/holidays.json');
    expect(c.metricsToken).to.equal('scrape-me-0123456789abcdef');
  });

  it('Given only a user and no password, When loaded, Then auth is off and a warning says so', () => {
    const c = loadConfig({ ENGINE_REST_USER: 'modeler' });
    expect(c.auth).to.equal(null);
    expect(c.warnings[0]).to.contain('WITHOUT authentication');
  });

  it('Given ENGINE_REST_PUBLIC and TRUST_PROXY, When loaded, Then public access needs both credentials and the proxy list is kept', () => {
    const both = { ENGINE_REST_USER: 'u', ENGINE_REST_PASSWORD: 'p' };
    expect(loadConfig({ ...both, ENGINE_REST_PUBLIC: 'FALSE' }).publicAccess).to.equal(false);
    expect(loadConfig({ ...both, ENGINE_REST_PUBLIC: 'true' }).publicAccess).to.equal(true);
    expect(loadConfig({ ENGINE_REST_PUBLIC: 'false' }).publicAccess).to.equal(false);
    expect(() => loadConfig({ ENGINE_REST_PUBLIC: 'true', ENGINE_REST_USER: 'u' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('ENGINE_REST_PUBLIC');
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).to.equal('loopback, 10.0.0.0/8');
  });

  it('Given empty strings, When loaded, Then they count as unset', () => {
    expect(loadConfig({ PORT: '', ENGINE_TIMEZONE: ' ' }).port).to.equal(8080);
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['ENGINE_TIMEZONE', 'Europe/Londres'],
    ['ENGINE_REST_PUBLIC', 'yes'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '300.1.1.1'],
  ] as const) {
    it(`Given ${name}=${value}, When loaded, Then a ConfigError names ${name}`, () => {
      expect(() => loadConfig({ [name]: value }))
        .to.throw(ConfigError)
        .with.property('message')
        .that.contains(name);
    });
  }

  it('Given DATA_DIR unset, blank or set, When the backup command asks for the database file, Then it is the one the server opens, whatever else is wrong', () => {
    for (const env of [
      {},
      { DATA_DIR: '   ' },
      { DATA_DIR: '/var/lib/esc' },
      { DATA_DIR: 'rel', PORT: 'not-a-port' },
    ]) {
      const expected = env.DATA_DIR?.trim()
        ? loadConfig({ DATA_DIR: env.DATA_DIR }, '/srv').databaseFile
        : '/srv/data/engine.sqlite';
      expect(databaseFileFrom(env, '/srv')).to.equal(expected);
    }
    expect(databaseFileFrom({ DATA_DIR: 'rel' }, '/srv')).to.equal('/srv/rel/engine.sqlite');
  });
});
