#!/bin/bash
# Submits a study as an array of SHARDS tasks and its merge, which starts when every task has succeeded.
#
#   launchers/slurm/submit.sh SHARDS OUT STUDY [SETTING...]
#   e.g. launchers/slurm/submit.sh 12 /scratch/$USER/padding padding --rounds 10 --parallel-rounds 1
set -euo pipefail
SHARDS=${1:?usage: submit.sh SHARDS OUT STUDY [SETTING...]}
OUT=${2:?name the output folder}
shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
ARRAY=$(sbatch --parsable --array=0-$((SHARDS - 1)) --chdir="$OUT" "$HERE/shard.sbatch" "$OUT" "$@")
MERGE=$(sbatch --parsable --dependency=afterok:"$ARRAY" --chdir="$OUT" "$HERE/merge.sbatch" "$OUT")
echo "array job $ARRAY ($SHARDS shards), merge job $MERGE; the merged run will be in $OUT/merged"
