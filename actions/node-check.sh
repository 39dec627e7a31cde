#!/usr/bin/env bash
# Shared by every composite action: they run dist/step.js with the runner's own node, which must be
# Node 20.18 or later (the bundle's target). One check here instead of a copy in each action.yml.
# Sourced by the step (so it works whatever PATH holds): exit ends the step.
fix='add actions/setup-node (node-version: 24, or 20.18 or later) before this step'
if ! command -v node >/dev/null 2>&1; then
  echo "::error title=launch-ready::node was not found on PATH; $fix"
  exit 1
fi
version=$(node -p 'process.versions.node' 2>/dev/null || true)
IFS=. read -r major minor _ <<< "$version"
if ! [[ "${major:-}" =~ ^[0-9]+$ && "${minor:-}" =~ ^[0-9]+$ ]] || (( major < 20 || (major == 20 && minor < 18) )); then
  echo "::error title=launch-ready::node ${version:-of unknown version} is too old for launch-ready (needs Node 20.18 or later); $fix"
  exit 1
fi
