import { describe, expect, it } from 'vitest';
import { ListWatch, type ListPage, type ListWatchChange, type ListWatchSource, type WatchCallbacks, type WatchDelta } from './list-watch';

interface Item {
  name: string;
  rv: string;
  value?: string;
}

/** A fake API: scripted list pages per list call, and the watches the cache opened. */
class FakeSource implements ListWatchSource<Item> {
  listCalls: (string | undefined)[] = [];
  watches: { rv: string; callbacks: WatchCallbacks<Item>; stopped: boolean }[] = [];
  constructor(private readonly pages: (cont: string | undefined, call: number) => ListPage<Item> | Error) {}

  async listPage(cont: string | undefined): Promise<ListPage<Item>> {
    this.listCalls.push(cont);
    const page = this.pages(cont, this.listCalls.length);
    if (page instanceof Error) throw page;
    return page;
  }
  watch(rv: string, callbacks: WatchCallbacks<Item>): () => void {
    const w = { rv, callbacks, stopped: false };
    this.watches.push(w);
    return () => (w.stopped = true);
  }
  resourceVersionOf = (item: Item) => item.rv;
  get lastWatch() {
    return this.watches[this.watches.length - 1];
  }
}

const gone = Object.assign(new Error('continue token expired'), { code: 410 });

/** A cache on a hand-driven frame clock: `frame()` runs the scheduled batch, as a browser's
 *  next animation frame would; `batches` holds every change reported. */
async function started(source: FakeSource) {
  const retries: (() => void)[] = [];
  const batches: ListWatchChange<Item>[] = [];
  let scheduled: (() => void) | undefined;
  let framesRequested = 0;
  const lw = new ListWatch<Item>(source, (i) => i.name, (change) => batches.push(change), {
    retry: (_attempt, run) => {
      retries.push(run);
      return () => undefined;
    },
    frame: (run) => {
      framesRequested++;
      scheduled = run;
      return () => (scheduled = undefined);
    },
  });
  lw.start();
  await settle(lw);
  const frame = () => {
    const run = scheduled;
    scheduled = undefined;
    run?.();
  };
  frame();
  batches.length = 0;
  return { lw, retries, batches, frame, framesRequested: () => framesRequested };
}

/** Waits until the cache is idle in 'watching' or 'error' (the fake answers in microtasks). */
async function settle(lw: ListWatch<Item>): Promise<void> {
  for (let i = 0; i < 50 && lw.state === 'listing'; i++) await Promise.resolve();
}

const names = (lw: ListWatch<Item>) => [...lw.items.values()].map((i) => `${i.name}@${i.rv}${i.value ? `=${i.value}` : ''}`).sort();

describe('ListWatch', () => {
  it('lists every page, then watches from the list resourceVersion', async () => {
    const source = new FakeSource((cont) =>
      cont === undefined
        ? { items: [{ name: 'a', rv: '3' }], resourceVersion: '', continue: 'p2' }
        : { items: [{ name: 'b', rv: '5' }], resourceVersion: '9' },
    );
    const { lw } = await started(source);
    expect(source.listCalls).toEqual([undefined, 'p2']);
    expect(names(lw)).toEqual(['a@3', 'b@5']);
    expect(source.watches.map((w) => w.rv)).toEqual(['9']);
    expect(lw.state).toBe('watching');
  });

  const deltaCases: { name: string; deltas: WatchDelta<Item>[]; expected: string[]; rv: string }[] = [
    { name: 'ADDED inserts', deltas: [{ type: 'ADDED', item: { name: 'c', rv: '11' } }], expected: ['a@1', 'b@2', 'c@11'], rv: '11' },
    {
      name: 'MODIFIED replaces in place',
      deltas: [{ type: 'MODIFIED', item: { name: 'a', rv: '12', value: 'x' } }],
      expected: ['a@12=x', 'b@2'],
      rv: '12',
    },
    { name: 'DELETED removes', deltas: [{ type: 'DELETED', item: { name: 'b', rv: '13' } }], expected: ['a@1'], rv: '13' },
    { name: 'BOOKMARK only moves the resourceVersion', deltas: [{ type: 'BOOKMARK', resourceVersion: '20' }], expected: ['a@1', 'b@2'], rv: '20' },
    {
      name: 'a burst applies in order',
      deltas: [
        { type: 'ADDED', item: { name: 'c', rv: '11' } },
        { type: 'MODIFIED', item: { name: 'c', rv: '12', value: 'y' } },
        { type: 'DELETED', item: { name: 'a', rv: '13' } },
      ],
      expected: ['b@2', 'c@12=y'],
      rv: '13',
    },
  ];

  it.each(deltaCases)('$name', async ({ deltas, expected, rv }) => {
    const source = new FakeSource(() => ({ items: [{ name: 'a', rv: '1' }, { name: 'b', rv: '2' }], resourceVersion: '10' }));
    const { lw, frame } = await started(source);
    for (const delta of deltas) source.lastWatch.callbacks.delta(delta);
    frame();
    expect(names(lw)).toEqual(expected);
    expect(lw.resourceVersion).toBe(rv);
    expect(source.listCalls).toHaveLength(1);
  });

  it('re-lists at once on a 410 Expired watch error and watches from the new list', async () => {
    const source = new FakeSource((_cont, call) =>
      call === 1
        ? { items: [{ name: 'a', rv: '1' }, { name: 'gone', rv: '2' }], resourceVersion: '10' }
        : { items: [{ name: 'a', rv: '30' }, { name: 'new', rv: '31' }], resourceVersion: '40' },
    );
    const { lw, retries } = await started(source);
    const first = source.lastWatch;
    first.callbacks.delta({ type: 'ERROR', code: 410, message: 'too old resource version: 10 (25)' });
    await settle(lw);
    expect(first.stopped).toBe(true);
    expect(retries).toHaveLength(0);
    expect(lw.lists).toBe(2);
    expect(names(lw)).toEqual(['a@30', 'new@31']);
    expect(source.lastWatch.rv).toBe('40');
    expect(lw.state).toBe('watching');
  });

  it('restarts a paged list from the first page when the continue token expires', async () => {
    let expired = false;
    const source = new FakeSource((cont) => {
      if (cont === 'p2' && !expired) {
        expired = true;
        return gone;
      }
      return cont ? { items: [{ name: 'b', rv: '5' }], resourceVersion: '9' } : { items: [{ name: 'a', rv: '3' }], resourceVersion: '', continue: 'p2' };
    });
    const { lw } = await started(source);
    expect(source.listCalls).toEqual([undefined, 'p2', undefined, 'p2']);
    expect(names(lw)).toEqual(['a@3', 'b@5']);
  });

  it('ignores events from a watch it has replaced', async () => {
    const source = new FakeSource((_c, call) => ({ items: [{ name: 'a', rv: String(call) }], resourceVersion: String(10 * call) }));
    const { lw, frame } = await started(source);
    const old = source.lastWatch;
    old.callbacks.delta({ type: 'ERROR', code: 410, message: 'expired' });
    await settle(lw);
    old.callbacks.delta({ type: 'ADDED', item: { name: 'stale', rv: '99' } });
    frame();
    expect(names(lw)).toEqual(['a@2']);
  });

  it('on other errors and closed streams, keeps the cache and schedules one re-list', async () => {
    const source = new FakeSource((_c, call) => ({ items: [{ name: 'a', rv: String(call) }], resourceVersion: String(10 * call) }));
    const { lw, retries } = await started(source);
    source.lastWatch.callbacks.closed('watch stream broke');
    expect(lw.state).toBe('error');
    expect(lw.error).toBe('watch stream broke');
    expect(names(lw)).toEqual(['a@1']);
    expect(retries).toHaveLength(1);
    retries[0]();
    await settle(lw);
    expect(names(lw)).toEqual(['a@2']);
    expect(lw.error).toBeUndefined();
  });

  it('stop ends the watch and drops later events', async () => {
    const source = new FakeSource(() => ({ items: [], resourceVersion: '1' }));
    const { lw, frame } = await started(source);
    const w = source.lastWatch;
    lw.stop();
    w.callbacks.delta({ type: 'ADDED', item: { name: 'late', rv: '2' } });
    frame();
    expect(w.stopped).toBe(true);
    expect(lw.items.size).toBe(0);
    expect(lw.state).toBe('idle');
  });

  describe('batches', () => {
    const initial = () => new FakeSource(() => ({ items: [{ name: 'a', rv: '1' }, { name: 'b', rv: '2' }], resourceVersion: '10' }));

    it('applies a burst of deltas in one frame and reports each changed key once', async () => {
      const source = initial();
      const { lw, batches, frame, framesRequested } = await started(source);
      const before = framesRequested();
      for (let i = 0; i < 200; i++) source.lastWatch.callbacks.delta({ type: 'MODIFIED', item: { name: 'a', rv: String(11 + i), value: `v${i}` } });
      source.lastWatch.callbacks.delta({ type: 'ADDED', item: { name: 'c', rv: '300' } });
      source.lastWatch.callbacks.delta({ type: 'DELETED', item: { name: 'b', rv: '301' } });
      // Nothing is applied before the frame, and the whole burst asked for one frame.
      expect(names(lw)).toEqual(['a@1', 'b@2']);
      expect(framesRequested() - before).toBe(1);
      expect(lw.resourceVersion).toBe('301');
      frame();
      expect(batches).toHaveLength(1);
      expect(batches[0].reset).toBe(false);
      expect([...batches[0].changed]).toEqual([
        ['a', { name: 'a', rv: '210', value: 'v199' }],
        ['c', { name: 'c', rv: '300' }],
        ['b', null],
      ]);
      expect(names(lw)).toEqual(['a@210=v199', 'c@300']);
    });

    it('an add then delete of the same key in one frame reports a deletion, and the cache never holds it', async () => {
      const source = initial();
      const { lw, batches, frame } = await started(source);
      source.lastWatch.callbacks.delta({ type: 'ADDED', item: { name: 'brief', rv: '11' } });
      source.lastWatch.callbacks.delta({ type: 'DELETED', item: { name: 'brief', rv: '12' } });
      frame();
      expect([...batches[0].changed]).toEqual([['brief', null]]);
      expect(names(lw)).toEqual(['a@1', 'b@2']);
    });

    it('frames with no deltas report nothing; the next burst is the next batch', async () => {
      const source = initial();
      const { batches, frame } = await started(source);
      frame();
      expect(batches).toHaveLength(0);
      source.lastWatch.callbacks.delta({ type: 'ADDED', item: { name: 'c', rv: '11' } });
      frame();
      source.lastWatch.callbacks.delta({ type: 'ADDED', item: { name: 'd', rv: '12' } });
      frame();
      expect(batches.map((b) => [...b.changed.keys()])).toEqual([['c'], ['d']]);
    });

    it('a re-list drops the old watch deltas not yet applied and reports a reset', async () => {
      const source = new FakeSource((_c, call) => ({ items: [{ name: `list${call}`, rv: String(call) }], resourceVersion: String(10 * call) }));
      const { lw, batches, frame } = await started(source);
      source.lastWatch.callbacks.delta({ type: 'ADDED', item: { name: 'before-410', rv: '11' } });
      source.lastWatch.callbacks.delta({ type: 'ERROR', code: 410, message: 'expired' });
      await settle(lw);
      frame();
      expect(batches.at(-1)).toEqual({ reset: true, changed: new Map() });
      expect(names(lw)).toEqual(['list2@2']);
    });

    it('flush applies what is pending at once, without waiting for the frame', async () => {
      const source = initial();
      const { lw, batches, frame } = await started(source);
      source.lastWatch.callbacks.delta({ type: 'ADDED', item: { name: 'c', rv: '11' } });
      lw.flush();
      expect(names(lw)).toEqual(['a@1', 'b@2', 'c@11']);
      frame();
      expect(batches).toHaveLength(1);
    });
  });

  describe('the first list', () => {
    /** A source whose pages wait until released, so a test sees the cache between pages. */
    function gatedSource(pagesPerList: number) {
      const gates: (() => void)[] = [];
      const source = new FakeSource(() => ({ items: [], resourceVersion: '' }));
      let listNo = 0;
      source.listPage = async (cont) => {
        source.listCalls.push(cont);
        if (cont === undefined) listNo++;
        const n = cont === undefined ? 1 : Number(cont);
        await new Promise<void>((resolve) => gates.push(resolve));
        const last = n === pagesPerList;
        return { items: [{ name: `l${listNo}-p${n}`, rv: String(n) }], resourceVersion: last ? String(100 * listNo) : '', continue: last ? undefined : String(n + 1) };
      };
      const release = async () => {
        gates.shift()?.();
        for (let i = 0; i < 10; i++) await Promise.resolve();
      };
      return { source, release };
    }

    it('shows each page as it arrives; a re-list shows the old rows until it is whole', async () => {
      const { source, release } = gatedSource(3);
      const batches: ListWatchChange<Item>[] = [];
      let scheduled: (() => void) | undefined;
      const lw = new ListWatch<Item>(source, (i) => i.name, (c) => batches.push(c), {
        retry: () => () => undefined,
        frame: (run) => ((scheduled = run), () => (scheduled = undefined)),
      });
      const frame = () => scheduled?.();
      lw.start();
      await release();
      frame();
      expect(names(lw)).toEqual(['l1-p1@1']);
      expect(lw.state).toBe('listing');
      await release();
      frame();
      expect(names(lw)).toEqual(['l1-p1@1', 'l1-p2@2']);
      await release();
      frame();
      expect(names(lw)).toEqual(['l1-p1@1', 'l1-p2@2', 'l1-p3@3']);
      expect(lw.state).toBe('watching');
      expect(batches.every((b) => !b.reset)).toBe(true);

      source.lastWatch.callbacks.delta({ type: 'ERROR', code: 410, message: 'expired' });
      await release();
      await release();
      frame();
      expect(names(lw)).toEqual(['l1-p1@1', 'l1-p2@2', 'l1-p3@3']);
      await release();
      frame();
      expect(names(lw)).toEqual(['l2-p1@1', 'l2-p2@2', 'l2-p3@3']);
      expect(batches.at(-1)?.reset).toBe(true);
    });
  });
});
