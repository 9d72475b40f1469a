#!/usr/bin/env python3
"""agree.py - the command line counts one way (issue 11): `list --filter`,
`stats --json` and a recount of `assess --json` over the same cases must
agree.  usage: tests/agree.py CASEWALK AS_OF PATH...
Prints one line per check and exits non-zero on a disagreement."""
import collections
import json
import subprocess
import sys

cw, as_of, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
fails = 0


def run(*args):
    out = subprocess.run([cw, *args, '--as-of', as_of, *paths],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit('casewalk %s: status %d: %s' % (' '.join(args),
                                                 out.returncode, out.stderr))
    return out.stdout


def check(name, want, got):
    global fails
    if want == got:
        print('ok   ' + name)
    else:
        fails += 1
        print('FAIL ' + name)
        print('     from assess --json: %r' % (want,))
        print('     from the command:   %r' % (got,))


cases = [json.loads(line) for line in run('assess', '--json').splitlines()]
if len(cases) < 40:
    sys.exit('too few cases (%d) for the checks to mean anything' % len(cases))


def listed(flt):
    return sorted(json.loads(line)['id'] for line in
                  run('list', '--json', '--filter', flt).splitlines())


check('list --filter bar=running: the cases whose bar_running is true',
      sorted(c['id'] for c in cases if c['bar_running'] is True),
      listed('bar=running'))
check('list --filter bar=any: the cases with a bar (kind bar) that attaches',
      sorted(c['id'] for c in cases if any(
          p['kind'] == 'bar' and not p.get('possible') for p in c['penalties'])),
      listed('bar=any'))
for rule, status in (('cancel_nonlpr', 'possible'), ('asylum', 'forfeited'),
                     ('adjust_245a', 'eligible')):
    check('list --filter %s=%s' % (rule, status),
          sorted(c['id'] for c in cases for r in c['relief']
                 if r['rule'] == rule and r['status'] == status),
          listed('%s=%s' % (rule, status)))
for rule, status in (('cancel_nonlpr', 'now:defensive_only'),
                     ('voluntary_departure', 'then:forfeited'),
                     ('adjust_245a', 'now:from_abroad')):
    side, st = status.split(':')
    check('list --filter %s=%s' % (rule, status),
          sorted(c['id'] for c in cases for r in c['relief']
                 if r['rule'] == rule and r[side]['status'] == st),
          listed('%s=%s' % (rule, status)))
check('list --filter "path=voluntary_return and hearing=no"',
      sorted(c['id'] for c in cases
             if c['path'] == 'voluntary_return' and not c['hearing']),
      listed('path=voluntary_return and hearing=no'))

stats = json.loads(run('stats', '--json'))
check('stats: cases', len(cases), stats['cases'])
check('stats: by path', dict(collections.Counter(c['path'] for c in cases)),
      stats['by_path'])
pen, pos, running = (collections.Counter(), collections.Counter(),
                     collections.Counter())
for c in cases:
    sure = {p['rule'] for p in c['penalties'] if not p.get('possible')}
    maybe = {p['rule'] for p in c['penalties'] if p.get('possible')} - sure
    run_ = {p['rule'] for p in c['penalties'] if p['kind'] == 'bar' and
            p['running'] is True and not p.get('possible')}
    pen.update(sure)
    pos.update(maybe)
    running.update(run_)
check('stats: penalties that attach', dict(pen), stats['penalties'])
check('stats: penalties that only possibly attach', dict(pos),
      stats['penalties_possible'])
check('stats: bars in force, by rule', dict(running), stats['bars_running'])
check('stats: cases with a bar in force',
      sum(1 for c in cases if c['bar_running'] is True),
      stats['cases_bar_running'])
rel = collections.defaultdict(collections.Counter)
now = collections.defaultdict(collections.Counter)
for c in cases:
    for r in c['relief']:
        rel[r['rule']][r['status']] += 1
        now[r['rule']][r['now']['status']] += 1
check('stats: relief by status', {k: dict(v) for k, v in rel.items()},
      {k: v for k, v in stats['relief'].items()})
check('stats: relief now', {k: dict(v) for k, v in now.items()},
      {k: v for k, v in stats['relief_now'].items()})
later = sum(1 for c in cases
            if c['way_back']['earliest_no_waiver'] and
            c['alternative']['way_back']['earliest_no_waiver'] and
            c['way_back']['earliest_no_waiver'] >
            c['alternative']['way_back']['earliest_no_waiver'])
check('stats: the path taken pushes the way back later (no waiver)', later,
      stats['way_back']['later_no_waiver'])
print('agreement: %d failed' % fails)
sys.exit(1 if fails else 0)
