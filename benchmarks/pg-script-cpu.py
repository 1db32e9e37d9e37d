#!/usr/bin/env python3
"""CPU time PostgreSQL spends on whole SQL scripts, variants interleaved round-robin (benchmarks/README.md, W1's remaining gap).

  benchmarks/pg-script-cpu.py ROUNDS DATABASE NAME=FILE.sql [NAME=FILE.sql ...]

The cluster is the one of scripts/pg-cluster.sh: PGHOST (its socket directory), PGPORT and PGUSER set, and CWF_PG_DIR
(its directory, where postmaster.pid is). Each run is one `psql -v ON_ERROR_STOP=1 -f FILE` in a fresh connection; its
CPU time is the growth of the postmaster's reaped children's utime + stime (/proc/PID/stat, cutime and cstime): the
backend and any parallel workers, which exit and are reaped when the run ends. Wall time is printed beside it but
follows the machine's load. Turn autovacuum off first (ALTER SYSTEM SET autovacuum = off), or its workers count too.
"""
import os, statistics, subprocess, sys, time

def reaped_cpu(pid):
    # Fields after the parenthesised command name: cutime and cstime are the 14th and 15th (stat fields 16 and 17).
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf('SC_CLK_TCK')

def main():
    rounds, database, variants = int(sys.argv[1]), sys.argv[2], [a.split('=', 1) for a in sys.argv[3:]]
    postmaster = int(open(os.path.join(os.environ['CWF_PG_DIR'], 'data', 'postmaster.pid')).readline())
    results = {name: [] for name, _ in variants}
    loads = []
    for r in range(rounds):
        for name, path in variants:
            before, start = reaped_cpu(postmaster), time.monotonic()
            subprocess.run(['psql', '-q', '-X', '-v', 'ON_ERROR_STOP=1', '-d', database, '-f', path],
                           check=True, stdout=subprocess.DEVNULL)
            wall = time.monotonic() - start
            time.sleep(0.3)  # the backend's exit is reaped asynchronously
            cpu = reaped_cpu(postmaster) - before
            load = os.getloadavg()[0]
            loads.append(load)
            results[name].append(cpu)
            print(f'round {r + 1} {name}: cpu {cpu:.2f} s, wall {wall:.2f} s, load {load:.1f}', flush=True)
    print(f'load {min(loads):.1f}-{max(loads):.1f}')
    base = statistics.median(results[variants[-1][0]])
    for name, cpus in results.items():
        med = statistics.median(cpus)
        print(f'{name}: {", ".join(f"{c:.2f}" for c in cpus)}; median {med:.2f} s; / {variants[-1][0]} {med / base:.2f}')

main()
