#!/bin/bash
# A study's shards on one big workstation with GNU parallel, JOBS at a time, then the merge.
#
#   launchers/parallel/run-shards.sh SHARDS JOBS OUT STUDY [SETTING...]
#   e.g. launchers/parallel/run-shards.sh 16 16 runs/padding padding --rounds 10 --parallel-rounds 1
# NNLAB: how to start NN Lab (default "java -jar nnlab.jar").
set -euo pipefail
SHARDS=${1:?usage: run-shards.sh SHARDS JOBS OUT STUDY [SETTING...]}
JOBS=${2:?how many shards at once}
OUT=${3:?name the output folder}
shift 3
NNLAB=${NNLAB:-java -jar nnlab.jar}
mkdir -p "$OUT/logs"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
# --halt now,fail=1: one failed shard stops the rest, the merge would refuse anyway.
# shellcheck disable=SC2086
seq 0 $((SHARDS - 1)) | parallel --jobs "$JOBS" --halt now,fail=1 --joblog "$OUT/parallel.log" \
    $NNLAB run "$@" --shard {}/"$SHARDS" --out "$OUT/part-{}" --runs-dir "$OUT/runs" ">" "$OUT/logs/part-{}.log" "2>&1"
# shellcheck disable=SC2086
$NNLAB merge "$OUT"/part-* --out "$OUT/merged" --runs-dir "$OUT/runs"
