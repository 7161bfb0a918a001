import { expect } from 'chai';
import type { CommandTable } from './command.js';
import { dispatch } from './dispatch.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io.js';
import { memoryIo } from './memory-io.js';

// A table of real (tiny) commands, so the dispatcher is tested apart from the calendar.
const table: CommandTable = {
  echo: {
    summary: 'print the arguments',
    load: async () => ({
      run: (argv, io) => {
        io.stdout(`${argv.join(' ')}\n`);
        return argv.length === 0 ? 3 : EXIT_OK;
      },
    }),
  },
  broken: {
    summary: 'fail unexpectedly',
    load: async () => ({
      run: () => {
        throw new Error('disk on fire\nsecond line');
      },
    }),
  },
};

describe('cli: the command dispatcher', () => {
  it('Given a known command, When dispatched, Then it runs with the remaining arguments and its exit code is returned', async () => {
    const io = memoryIo();
    expect(await dispatch(['echo', 'a', '--b'], io, table)).to.equal(EXIT_OK);
    expect(io.out).to.equal('a --b\n');
    expect(await dispatch(['echo'], memoryIo(), table)).to.equal(3);
  });

  it('Given no command, When dispatched, Then the command list goes to stderr with exit 2', async () => {
    const io = memoryIo();
    expect(await dispatch([], io, table)).to.equal(EXIT_USAGE);
    expect(io.err).to.include('echo    print the arguments').and.include('broken  fail unexpectedly');
  });

  it('Given help, --help or -h, When dispatched, Then the command list goes to stdout with exit 0', async () => {
    for (const word of ['help', '--help', '-h']) {
      const io = memoryIo();
      expect(await dispatch([word], io, table)).to.equal(EXIT_OK);
      expect(io.out).to.match(/^Usage: escalation <command>/);
    }
  });

  it('Given an unknown command (or an inherited property name), When dispatched, Then one line names it with exit 2', async () => {
    for (const name of ['bakup', 'toString']) {
      const io = memoryIo();
      expect(await dispatch([name], io, table)).to.equal(EXIT_USAGE);
      expect(io.err).to.equal(`escalation: unknown command "${name}"; commands: echo, broken\n`);
    }
  });

  it('Given a command that throws, When dispatched, Then one line reports the fault with exit 1', async () => {
    const io = memoryIo();
    expect(await dispatch(['broken'], io, table)).to.equal(EXIT_FAILURE);
    expect(io.err).to.equal('escalation broken: unexpected error: disk on fire\n');
  });
});
