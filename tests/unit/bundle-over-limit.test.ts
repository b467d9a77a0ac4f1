import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { BundlePlan } from '../../shared/types';
import { measuredFromRefusal, measureKey, overLimitChoice } from '../../renderer/src/pages/bundles/overLimit';

/** "Kirim ke induk": when the screen asks how to send a bundle over the e-mail limit. */
const MB = 1024 * 1024;
const plan = (over: Partial<BundlePlan> = {}): BundlePlan => ({
  seq: 3,
  mode: 'incremental',
  changeFrom: 10,
  changeTo: 40,
  counts: { activity_files: 60 },
  records: 60,
  filesCount: 60,
  filesBytes: MB - 9000,
  estimatedBytes: MB - 300,
  limitBytes: MB,
  overLimit: false,
  parent: null,
  lastAcknowledgedSeq: 2,
  nikIncluded: false,
  afterRestore: null,
  ...over,
});
const options = { mode: 'incremental' as const, withFiles: true, limitMb: 1 };
const refusal = new AppError('CONFLICT', 'bundles.chooseOverLimit', { params: { bytes: MB + 6700, limitBytes: MB } });

describe('the over-limit choice', () => {
  it('is offered with the real size once the export found the bundle over the limit, though the estimate was just under it', () => {
    const key = measureKey(options, plan());
    expect(overLimitChoice(plan(), true, null, key)).toBeNull();
    const measured = measuredFromRefusal(refusal, key);
    expect(overLimitChoice(plan(), true, measured, key)).toEqual({ bytes: MB + 6700, limitBytes: MB, measured: true });
  });

  it('is offered from the estimate when the estimate is over, and never without attachments to split off or leave out', () => {
    const over = plan({ overLimit: true, estimatedBytes: MB + 10 });
    const key = measureKey(options, over);
    expect(overLimitChoice(over, true, null, key)).toEqual({ bytes: MB + 10, limitBytes: MB, measured: false });
    expect(overLimitChoice(over, false, measuredFromRefusal(refusal, key), key)).toBeNull();
    expect(overLimitChoice(plan({ filesCount: 0 }), true, measuredFromRefusal(refusal, key), key)).toBeNull();
    expect(overLimitChoice(undefined, true, null, key)).toBeNull();
  });

  it('uses a measurement only for the options and records it was made of', () => {
    const measured = measuredFromRefusal(refusal, measureKey(options, plan()));
    expect(overLimitChoice(plan(), true, measured, measureKey({ ...options, limitMb: 2 }, plan()))).toBeNull();
    expect(overLimitChoice(plan(), true, measured, measureKey({ ...options, mode: 'full' }, plan()))).toBeNull();
    expect(overLimitChoice(plan({ changeTo: 41 }), true, measured, measureKey(options, plan({ changeTo: 41 })))).toBeNull();
  });

  it('takes only the export’s over-limit refusal as a measurement', () => {
    expect(measuredFromRefusal(new AppError('VALIDATION', 'bundles.folderMissing'), 'k')).toBeNull();
    expect(measuredFromRefusal(new Error('boom'), 'k')).toBeNull();
    // Without the numbers it still means "over the limit": the choice shows the estimate.
    const bare = measuredFromRefusal(new AppError('CONFLICT', 'bundles.chooseOverLimit'), 'k');
    expect(overLimitChoice(plan(), true, bare, 'k')).toEqual({ bytes: MB - 300, limitBytes: MB, measured: false });
  });
});
