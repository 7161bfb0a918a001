import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.js';
import { DataKeyError, loadDataKey, parseDataKey } from './data-key.js';
import { seal, UnsealableError, unseal } from './seal.js';

describe('Encryption at rest: the data key and sealed values (issue 13)', () => {
  it('Given a sealed value, When opened with the same key and row, Then the plaintext returns; another row or key refuses it', () => {
    const key = randomBytes(32);
    const sealed = seal(key, 'Jane Example, 2015-03-02', 'subject:liverpool:CR-1');
    expect(unseal(key, sealed, 'subject:liverpool:CR-1').toString()).to.equal('Jane Example, 2015-03-02');
    expect(() => unseal(key, sealed, 'subject:liverpool:CR-2')).to.throw(
      UnsealableError,
      /^subject cannot be decrypted/,
    );
    expect(() => unseal(randomBytes(32), sealed, 'subject:liverpool:CR-1')).to.throw(UnsealableError);
    expect(sealed.toString('latin1')).not.to.include('Jane');
  });

  it('Given DATA_KEY as hex or base64, When parsed, Then 32 bytes; anything else is refused without echoing it', () => {
    const bytes = randomBytes(32);
    expect(parseDataKey(bytes.toString('hex'))).to.deep.equal(bytes);
    expect(parseDataKey(bytes.toString('base64'))).to.deep.equal(bytes);
    expect(() => parseDataKey('secret-password'))
      .to.throw(DataKeyError)
      .with.property('message')
      .that.not.include('secret');
    expect(() => parseDataKey(randomBytes(16).toString('hex'))).to.throw(DataKeyError);
  });

  it('Given no DATA_KEY in the embedded default, When loaded twice, Then a 0600 key file is created once and reused', () => {
    const dir = tempDir('key');
    try {
      const keyFile = join(dir.path, 'data.key');
      const first = loadDataKey({ dataKey: undefined, keyFile, mayCreate: true });
      const second = loadDataKey({ dataKey: undefined, keyFile, mayCreate: true });
      expect(second.bytes).to.deep.equal(first.bytes);
      expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
      expect(first.source).to.equal('key file');
    } finally {
      dir.remove();
    }
  });

  it('Given a remote engine without DATA_KEY, When the key is loaded, Then it refuses to invent one', () => {
    const dir = tempDir('key');
    try {
      expect(() =>
        loadDataKey({ dataKey: undefined, keyFile: join(dir.path, 'data.key'), mayCreate: false }),
      ).to.throw(DataKeyError, /set DATA_KEY/);
    } finally {
      dir.remove();
    }
  });

  it('Given a key file someone left world-readable or broken, When loaded, Then it is tightened, or refused by name', () => {
    const dir = tempDir('key');
    try {
      const keyFile = join(dir.path, 'data.key');
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o644 });
      loadDataKey({ dataKey: undefined, keyFile, mayCreate: false });
      expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
      writeFileSync(keyFile, 'not a key');
      expect(() => loadDataKey({ dataKey: undefined, keyFile, mayCreate: false })).to.throw(
        DataKeyError,
        `${keyFile} does not hold a valid key`,
      );
      expect(readFileSync(keyFile, 'utf8')).to.equal('not a key');
    } finally {
      dir.remove();
    }
  });
});
