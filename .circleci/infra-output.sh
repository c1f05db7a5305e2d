#!/usr/bin/env bash
# Prints one Terraform output of the infra-cdktf stacks, from the files `cdktf deploy
# --outputs-file` wrote into infra-outputs/ (carried between jobs in the workspace).
# Usage: .circleci/infra-output.sh OUTPUT_NAME [DEFAULT]
# Without DEFAULT, a missing output is an error naming the outputs that do exist.
set -euo pipefail
name="${1:?usage: $0 OUTPUT_NAME [DEFAULT]}"
dir="${INFRA_OUTPUTS_DIR:-infra-outputs}"
shopt -s nullglob
files=("$dir"/*.json)
value=""
if [ ${#files[@]} -gt 0 ]; then
  # Each file is {"<stack>": {"<output>": value}}; take the first stack that has the output.
  value="$(jq -r --arg name "$name" -s \
    '[.[] | to_entries[] | .value | objects | select(has($name)) | .[$name]] | first // empty' \
    "${files[@]}")"
fi
if [ -n "$value" ]; then
  printf '%s\n' "$value"
elif [ $# -ge 2 ]; then
  printf '%s\n' "$2"
else
  known="$( [ ${#files[@]} -gt 0 ] && jq -r -s '[.[] | to_entries[] | .value | objects | keys[]] | join(", ")' "${files[@]}" )"
  echo "no infra output '$name' in $dir/ (outputs: ${known:-none})" >&2
  exit 1
fi
