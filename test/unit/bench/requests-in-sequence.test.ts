import { requestsInSequence } from '../../../bench/call-counter';

describe('requestsInSequence', () => {
  it('counts requests in parallel once, and each one sent after an answer again', () => {
    expect(requestsInSequence([])).toBe(0);
    expect(requestsInSequence([{ began: 0, ended: 5 }])).toBe(1);
    // Two reads together, then a write once both answered.
    expect(
      requestsInSequence([
        { began: 0, ended: 4 },
        { began: 0.1, ended: 5 },
        { began: 5.2, ended: 8 },
      ]),
    ).toBe(2);
    // A chain of three, whatever the order they were recorded in, beside a long request.
    expect(
      requestsInSequence([
        { began: 6, ended: 7 },
        { began: 0, ended: 10 },
        { began: 0, ended: 2 },
        { began: 3, ended: 5 },
      ]),
    ).toBe(3);
  });
});
