#!/usr/bin/env python3
"""Per-step compile time of every shape from the profile runner (`-- profile SHAPE N R`), for benchmarks/README.md.

  benchmarks/profile-shapes.py ab OLD.dll NEW.dll [SHAPE...]     two builds alternating per shape at 10,000 steps
  benchmarks/profile-shapes.py sizes NEW.dll [SHAPE...]          one build at 1,000 / 10,000 / 100,000 steps, with the ratios
  benchmarks/profile-shapes.py gc NEW.dll [SHAPE...] --config LABEL[:VAR=VALUE,...] ...
                                                                 one build under collector settings (environment variables
                                                                 such as DOTNET_gcServer=1), alternating per shape

Options: --rounds N runs the whole comparison N times, alternating the builds (or settings) in every round, and gives
the medians over all rounds as well as each round's; --repeats R compiles R times per process at 10,000 steps (the
first quarter, at least one, is left out as JIT warm-up); --steps N replaces 10,000 in `ab` and `gc`.

Each line gives the SQL's digest (two builds write the same bytes when it is equal), each stage's median time per step
(which stage grows between sizes), the process's processor time, the collector's pause and collections, and the peak
working set; `sizes` adds the SQL bytes per byte of the program's text.

Each DLL is a Release build of benchmarks/Cwf.Benchmarks (bin/Release/net10.0/Cwf.Benchmarks.dll). Each size runs in a
fresh process. Run it on a quiet machine: the times are wall clock; the processor time and the allocation move least
with the load.
"""
import argparse, os, subprocess, re, statistics
SHAPES=['chain','redefined','wide','fanout','joins','filters']
rx=re.compile(r'^(\w+)-(\d+) .*?([\d.]+) SQL bytes/step(?:, ([\d.]+) input bytes/step)?\):(.*) total ([\d.]+) ms = ([\d.]+) ms/step, cpu ([\d.]+) ms = ([\d.]+) ms/step, ([\d.]+) KB/step; collections gen0/1/2 (\d+)/(\d+)/(\d+), paused ([\d.]+) ms(?:; SQL sha256 (\w+))?')
stage_rx=re.compile(r' (\w+) ([\d.]+) ms [\d.]+ KB/step(?: thread ([\d.]+) ms)?;')
def run(dll, shape, steps, repeats, skip, env=None):
    out=subprocess.run(['dotnet',dll,'profile',shape,str(steps),str(repeats)],capture_output=True,text=True,env={**os.environ,**(env or {})}).stdout
    rows=[]; peak=None
    for line in out.splitlines():
        m=rx.match(line)
        if m:
            stages={k:float(v)/steps for k,v,_ in stage_rx.findall(m.group(5))}
            threads={k:float(t)/steps for k,_,t in stage_rx.findall(m.group(5)) if t}
            rows.append(dict(sql=float(m.group(3)),input=float(m.group(4)) if m.group(4) else None,ms=float(m.group(7)),cpu=float(m.group(9)),kb=float(m.group(10)),gc=(m.group(11),m.group(12),m.group(13)),paused=float(m.group(14))/steps,stages=stages,threads=threads,sha=m.group(15)))
        m3=re.match(r'  collections by stage: promoted ([\d.]+) MB',line)
        if m3 and rows: rows[-1]['promoted']=float(m3.group(1))
        m2=re.match(r'peak working set (\d+) MB',line)
        if m2: peak=int(m2.group(1))
    if not rows: raise SystemExit(f"no profile lines from {dll} {shape} {steps} {env or ''}")
    return rows[skip:],peak
def median(rows,key): return statistics.median([r[key] for r in rows])
def stage_medians(rows):
    wall=' '.join(f"{k} {statistics.median([r['stages'][k] for r in rows]):.4f}" for k in rows[0]['stages'])
    if not rows[0]['threads']: return wall
    thread=' '.join(f"{k} {statistics.median([r['threads'][k] for r in rows]):.4f}" for k in rows[0]['threads'])
    return f"{wall}; thread cpu medians ms/step {thread}, sum {statistics.median([sum(r['threads'].values()) for r in rows]):.4f}"
def describe(rows,peak):
    gcs=' '.join('/'.join(r['gc']) for r in rows)
    return (f"min {min(r['ms'] for r in rows):.4f} median {median(rows,'ms'):.4f} ms/step, cpu median {median(rows,'cpu'):.4f} ms/step, "
            f"GC pause median {median(rows,'paused'):.4f} ms/step, promoted median {statistics.median([r.get('promoted',0) for r in rows]):.1f} MB, collections gen0/1/2 {gcs}, {rows[0]['kb']:.1f} KB/step, "
            f"{rows[0]['sql']:.1f} SQL B/step, peak {peak} MB, SQL sha256 {rows[0]['sha']}")
def compare(variants, shapes, steps, repeats, rounds):
    """variants: (label, dll, env); alternates them per shape in every round, then pools the rounds."""
    skip=max(1,repeats//4) if repeats>1 else 0
    for shape in shapes:
        pooled={label:[] for label,_,_ in variants}; peaks={label:[] for label,_,_ in variants}
        for rnd in range(rounds):
            for label,dll,env in variants:
                rows,peak=run(dll,shape,steps,repeats,skip,env)
                pooled[label]+=rows; peaks[label].append(peak)
                print(f"{shape} {label} {steps//1000}k round {rnd+1}: {describe(rows,peak)}, stage medians ms/step {stage_medians(rows)}", flush=True)
        if rounds>1:
            for label,_,_ in variants:
                rows=pooled[label]
                print(f"{shape} {label} {steps//1000}k, {rounds} rounds, {len(rows)} compiles: min {min(r['ms'] for r in rows):.4f} median {median(rows,'ms'):.4f} ms/step, "
                      f"cpu median {median(rows,'cpu'):.4f}, GC pause median {median(rows,'paused'):.4f} ms/step, promoted median {statistics.median([r.get('promoted',0) for r in rows]):.1f} MB, peak {min(peaks[label])}-{max(peaks[label])} MB, "
                      f"stage medians ms/step {stage_medians(rows)}", flush=True)
def sizes(dll, shapes, rounds):
    for shape in shapes:
        res={}
        for steps,rep,skip in ((1000,12,4),(10000,8,2),(100000,3,1)):
            rows=[]; peaks=[]
            for _ in range(rounds):
                r,peak=run(dll,shape,steps,rep,skip); rows+=r; peaks.append(peak)
            res[steps]=(min(r['ms'] for r in rows),median(rows,'ms'),rows[0]['kb'],rows[0]['sql'],max(peaks),rows[0]['input'])
            ratio=f", {rows[0]['sql']/rows[0]['input']:.3f} SQL B per input B" if rows[0]['input'] else ""
            print(f"{shape} {steps}: {describe(rows,max(peaks))}{ratio}, stage medians ms/step {stage_medians(rows)}", flush=True)
        inputs=f", SQL per input byte {'/'.join(f'{res[n][3]/res[n][5]:.3f}' for n in (1000,10000,100000))}" if res[1000][5] else ""
        print(f"{shape} ratios: t10k/t1k {res[10000][1]*10000/(res[1000][1]*1000):.2f} (min {res[10000][0]*10/res[1000][0]:.2f}), t100k/t10k {res[100000][1]*10/res[10000][1]:.2f} (min {res[100000][0]*10/res[10000][0]:.2f}), SQL/step {res[1000][3]:.1f}/{res[10000][3]:.1f}/{res[100000][3]:.1f}{inputs}", flush=True)
def config(text):
    label,_,assignments=text.partition(':')
    return label,dict(a.split('=',1) for a in assignments.split(',') if a)
p=argparse.ArgumentParser(description=__doc__,formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('mode',choices=['ab','sizes','gc']); p.add_argument('dlls_and_shapes',nargs='+')
p.add_argument('--rounds',type=int,default=1); p.add_argument('--repeats',type=int,default=8); p.add_argument('--steps',type=int,default=10000)
p.add_argument('--config',type=config,action='append',default=[])
a=p.parse_args()
ndll={'ab':2,'sizes':1,'gc':1}[a.mode]
dlls,shapes=a.dlls_and_shapes[:ndll],a.dlls_and_shapes[ndll:] or SHAPES
if a.mode=='ab': compare([('old',dlls[0],None),('new',dlls[1],None)],shapes,a.steps,a.repeats,a.rounds)
elif a.mode=='gc': compare([(label,dlls[0],env) for label,env in a.config or [('default',{})]],shapes,a.steps,a.repeats,a.rounds)
else: sizes(dlls[0],shapes,a.rounds)
