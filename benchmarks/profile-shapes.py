#!/usr/bin/env python3
"""Per-step compile time of every shape from the profile runner (`-- profile SHAPE N R`), for benchmarks/README.md.

  benchmarks/profile-shapes.py ab OLD.dll NEW.dll [SHAPE...]   two builds alternating per shape at 10,000 steps
  benchmarks/profile-shapes.py sizes NEW.dll [SHAPE...]        one build at 1,000 / 10,000 / 100,000 steps, with the ratios

Each line also gives the SQL's digest (two builds write the same bytes when it is equal), each stage's median time per
step (which stage grows between sizes), and with `sizes` the SQL bytes per byte of the program's text.

Each DLL is a Release build of benchmarks/Cwf.Benchmarks (bin/Release/net10.0/Cwf.Benchmarks.dll). Each size runs in a
fresh process; its first compiles are left out as JIT warm-up. Run it on a quiet machine: the figures are wall clock.
"""
import subprocess, re, statistics, sys
SHAPES=['chain','redefined','wide','fanout','joins','filters']
rx=re.compile(r'^(\w+)-(\d+) .*?([\d.]+) SQL bytes/step(?:, ([\d.]+) input bytes/step)?\):(.*) total ([\d.]+) ms = ([\d.]+) ms/step, cpu ([\d.]+) ms = ([\d.]+) ms/step, ([\d.]+) KB/step; collections gen0/1/2 (\d+)/(\d+)/(\d+), paused ([\d.]+) ms(?:; SQL sha256 (\w+))?')
stage_rx=re.compile(r' (\w+) ([\d.]+) ms [\d.]+ KB/step(?: thread ([\d.]+) ms)?;')
def run(dll, shape, steps, repeats, skip):
    out=subprocess.run(['dotnet',dll,'profile',shape,str(steps),str(repeats)],capture_output=True,text=True).stdout
    rows=[]; peak=None
    for line in out.splitlines():
        m=rx.match(line)
        if m:
            stages={k:float(v)/steps for k,v,_ in stage_rx.findall(m.group(5))}
            threads={k:float(t)/steps for k,_,t in stage_rx.findall(m.group(5)) if t}
            rows.append(dict(sql=float(m.group(3)),input=float(m.group(4)) if m.group(4) else None,ms=float(m.group(7)),cpu=float(m.group(9)),kb=float(m.group(10)),gc=(m.group(11),m.group(12),m.group(13)),paused=float(m.group(14))/steps,stages=stages,threads=threads,sha=m.group(15)))
        m2=re.match(r'peak working set (\d+) MB',line)
        if m2: peak=int(m2.group(1))
    rows=rows[skip:]
    return rows,peak
def summ(rows):
    ms=[r['ms'] for r in rows]
    return min(ms), statistics.median(ms), statistics.median([r['paused'] for r in rows]), rows[0]['kb'], rows[0]['sql']
def stage_medians(rows):
    wall=' '.join(f"{k} {statistics.median([r['stages'][k] for r in rows]):.4f}" for k in rows[0]['stages'])
    if not rows[0]['threads']: return wall
    thread=' '.join(f"{k} {statistics.median([r['threads'][k] for r in rows]):.4f}" for k in rows[0]['threads'])
    return f"{wall}; thread cpu medians ms/step {thread}, sum {statistics.median([sum(r['threads'].values()) for r in rows]):.4f}"
mode=sys.argv[1]
if mode=='ab': OLD,NEW,chosen=sys.argv[2],sys.argv[3],sys.argv[4:]
else: NEW,chosen=sys.argv[2],sys.argv[3:]
SHAPES=chosen or SHAPES
if mode=='ab':
    for shape in SHAPES:
        for name,dll in (('old',OLD),('new',NEW)):
            rows,peak=run(dll,shape,10000,8,2)
            mn,md,pa,kb,sql=summ(rows)
            print(f"{shape} {name} 10k: min {mn:.4f} median {md:.4f} ms/step, GC pause median {pa:.4f} ms/step, {kb:.1f} KB/step, {sql:.1f} SQL B/step, cpu med {statistics.median([r['cpu'] for r in rows]):.4f}, SQL sha256 {rows[0]['sha']}, stage medians ms/step {stage_medians(rows)}", flush=True)
elif mode=='sizes':
    for shape in SHAPES:
        res={}
        for steps,rep,skip in ((1000,12,4),(10000,8,2),(100000,3,1)):
            rows,peak=run(NEW,shape,steps,rep,skip)
            mn,md,pa,kb,sql=summ(rows)
            res[steps]=(mn,md,kb,sql,peak,rows[0]['input'])
            ratio=f", {sql/rows[0]['input']:.3f} SQL B per input B" if rows[0]['input'] else ""
            print(f"{shape} {steps}: min {mn:.4f} median {md:.4f} ms/step, GC pause median {pa:.4f} ms/step, {kb:.1f} KB/step, {sql:.1f} SQL B/step{ratio}, peak {peak} MB, gc {rows[0]['gc']}, SQL sha256 {rows[0]['sha']}, stage medians ms/step {stage_medians(rows)}", flush=True)
        inputs=f", SQL per input byte {'/'.join(f'{res[n][3]/res[n][5]:.3f}' for n in (1000,10000,100000))}" if res[1000][5] else ""
        print(f"{shape} ratios: t10k/t1k {res[10000][1]*10000/(res[1000][1]*1000):.2f} (min {res[10000][0]*10/res[1000][0]:.2f}), t100k/t10k {res[100000][1]*10/res[10000][1]:.2f} (min {res[100000][0]*10/res[10000][0]:.2f}), SQL/step {res[1000][3]:.1f}/{res[10000][3]:.1f}/{res[100000][3]:.1f}{inputs}", flush=True)
