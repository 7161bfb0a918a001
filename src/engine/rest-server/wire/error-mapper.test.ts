import { expect } from 'chai';
import {
  BadUserRequestError,
  InvalidRequestError,
  NotFoundError,
  OptimisticLockingError,
  ParseError,
  ProcessEngineError,
} from '../../errors/index.js';
import { toWireError } from './error-mapper.js';
import { RestError } from './rest-error.js';

describe('Error mapping to Camunda’s error body', () => {
  it('Given a ProcessEngineError, When mapped, Then it is a 500 ProcessEngineException with code 0 naming the cause', () => {
    const w = toWireError(
      new ProcessEngineError(
        "Unknown property used in expression: ${stageDue}. Cause: Cannot resolve identifier 'stageDue'",
      ),
    );
    expect(w.status).to.equal(500);
    expect(w.body).to.deep.equal({
      type: 'ProcessEngineException',
      message:
        "Unknown property used in expression: ${stageDue}. Cause: Cannot resolve identifier 'stageDue'",
      code: 0,
    });
    expect(w.internal).to.equal(false);
  });

  it('Given the port’s 4xx errors, When mapped, Then status and type come from the error class', () => {
    expect(toWireError(new BadUserRequestError('locked by another worker')).status).to.equal(400);
    expect(toWireError(new NotFoundError('gone')).body.type).to.equal('InvalidRequestException');
    expect(toWireError(new NotFoundError('gone', 'NotFoundException')).body).to.deep.equal({
      type: 'NotFoundException',
      message: 'gone',
      code: 0,
    });
    expect(toWireError(new InvalidRequestError('bad', 'x')).body.code).to.equal(null);
  });

  it('Given an optimistic locking failure, When mapped, Then Camunda’s code 1 travels', () => {
    expect(toWireError(new OptimisticLockingError('lost')).body.code).to.equal(1);
  });

  it('Given a ParseError, When mapped, Then details travel for Camunda Modeler', () => {
    const details = {
      'a.bpmn': {
        errors: [{ message: 'm', line: 1, column: 2, mainElementId: 'x', elementIds: ['x'] }],
        warnings: [],
      },
    };
    const w = toWireError(new ParseError('ENGINE-09005 Could not parse BPMN process. Errors: m', details));
    expect(w.status).to.equal(400);
    expect(w.body.type).to.equal('ParseException');
    expect(w.body.details).to.deep.equal(details);
  });

  it('Given a RestError wrapping an engine error, When mapped, Then the cause’s code travels', () => {
    const w = toWireError(
      new RestError(404, 'RestException', 'External task with id x does not exist', {
        cause: new NotFoundError('x', 'NotFoundException'),
      }),
    );
    expect(w.body).to.deep.equal({
      type: 'RestException',
      message: 'External task with id x does not exist',
      code: 0,
    });
  });

  it('Given body-parser failures, When mapped, Then malformed JSON is 400 and an oversized body 413, never 500', () => {
    expect(toWireError({ type: 'entity.parse.failed', status: 400 }).status).to.equal(400);
    expect(toWireError({ type: 'entity.too.large', status: 413, limit: 10 }).status).to.equal(413);
  });

  it('Given a bug, When mapped, Then it is a 500 that does not echo the message', () => {
    const w = toWireError(new TypeError('child Jane Doe'));
    expect(w.status).to.equal(500);
    expect(w.internal).to.equal(true);
    expect(w.body.message).to.not.contain('Jane');
  });
});
