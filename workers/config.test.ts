import { expect } from 'chai';
import { loadWorkerConfig, WorkerConfigError } from './config.js';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadWorkerConfig(env, '/srv');
  } catch (error) {
    if (error instanceof WorkerConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('Workers: configuration from the environment (issue 13)', () => {
  it('Given an empty environment, When loaded, Then the defaults apply: no SMTP (the outbox), the example directory', () => {
    const c = loadWorkerConfig({}, '/srv');
    expect(c).to.deep.include({
      engineUrl: null,
      auth: null,
      maxTasks: 10,
      lockDuration: 60_000,
      asyncResponseTimeout: 20_000,
      smtpUrl: null,
      directoryFile: null,
      dataDir: '/srv/data',
      holidaysFile: null,
      dataKey: null,
    });
    expect(c.workerId).to.match(/^escalations-/);
  });

  it('Given every variable, When loaded, Then each is honoured', () => {
    const c = loadWorkerConfig(
      {
        ENGINE_URL: 'https://camunda.example.org/engine-rest/',
        ENGINE_REST_USER: 'worker',
        ENGINE_REST_PASSWORD: 's3cret',
        WORKER_ID: 'node-a',
        WORKER_MAX_TASKS: '50',
        WORKER_LOCK_DURATION: '120000',
        WORKER_ASYNC_RESPONSE_TIMEOUT: '30000',
        SMTP_URL: 'smtps://mailer:pw@smtp.example.org:465',
        MAIL_FROM: 'Escalations <escalations@lscp.example.org>',
        DIRECTORY_FILE: 'directory.json',
        PUBLIC_URL: 'https://escalations.example.org/',
        DATA_DIR: '/var/lib/escalations',
        HOLIDAYS_FILE: 'holidays.json',
      },
      '/srv',
    );
    expect(c).to.deep.include({
      engineUrl: 'https://camunda.example.org/engine-rest',
      auth: { user: 'worker', password: 's3cret' },
      workerId: 'node-a',
      maxTasks: 50,
      lockDuration: 120_000,
      asyncResponseTimeout: 30_000,
      directoryFile: '/srv/directory.json',
      publicUrl: 'https://escalations.example.org',
      dataDir: '/var/lib/escalations',
      holidaysFile: '/srv/holidays.json',
    });
  });

  it('Given bad values, When loaded, Then each problem names its variable', () => {
    expect(problems({ WORKER_MAX_TASKS: 'ten' })[0]).to.match(/^WORKER_MAX_TASKS: /);
    expect(problems({ WORKER_LOCK_DURATION: '10' })[0]).to.match(/^WORKER_LOCK_DURATION: /);
    expect(problems({ ENGINE_URL: 'ftp://x' })[0]).to.match(/^ENGINE_URL: /);
    expect(problems({ SMTP_URL: 'http://smtp.example.org' })[0]).to.equal(
      'SMTP_URL: must start with smtps:// or smtp://',
    );
    expect(problems({ PUBLIC_URL: 'not a url' })[0]).to.match(/^PUBLIC_URL: /);
  });

  it('Given SMTP_URL without DIRECTORY_FILE or MAIL_FROM, When loaded, Then it refuses: real mail never goes to the example directory', () => {
    expect(problems({ SMTP_URL: 'smtps://smtp.example.org' })).to.deep.equal([
      'DIRECTORY_FILE: required with SMTP_URL (real mail is never sent to the example directory)',
      'MAIL_FROM: required with SMTP_URL, e.g. "Escalations <escalations@lscp.example.gov.uk>"',
    ]);
    expect(problems({ MAIL_FROM: 'escalations' })[0]).to.match(/^MAIL_FROM: must end with an email address/);
  });
});
