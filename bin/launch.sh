#!/usr/bin/env bash
# Shared by the launchers in bin/: runs MAIN from MODULE's build output (target/classes + target/lib),
# so nobody types a classpath. Build first: mvn -B -DskipTests package
set -euo pipefail
module=$1; main=$2; shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/$module/target"
if [ ! -d "$dir/classes" ] || [ ! -d "$dir/lib" ]; then
  echo "$module is not built: run 'mvn -B -DskipTests package' in $root first" >&2
  exit 2
fi
# offline DJL: never reach out for engines or usage tracking
exec java ${JAVA_OPTS:-} -Dai.djl.offline=true -DENFORCE_HOME="$root" \
  -Denforce.shared.dir="${ENFORCE_SHARED_DIR:-$root/../shared}" \
  -cp "$dir/classes:$dir/lib/*" "$main" "$@"
