#!/usr/bin/env bash
# Records the public API of the published modules as the baseline the build checks against
# (api-baseline/<artifactId>.jar, classes only). Run it when a version is released, from a clean
# checkout of that version, and commit the result; see api-baseline/README.md.
# --no-build takes the jars a build of this same commit left in */target instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=(spirit-core spirit-storage-tck spirit-storage-file spirit-storage-jdbc spirit-micrometer
  spirit-spring-boot-starter)
list=$(IFS=,; echo "${modules[*]}")
[[ "${1:-}" == "--no-build" ]] || mvn -B -q -pl "$list" -am package -DskipTests -Djacoco.skip=true -Dspirit.api.check.skip=true \
  -Dspotless.check.skip=true -Dcheckstyle.skip=true -Dmaven.javadoc.skip=true
mkdir -p api-baseline
for m in "${modules[@]}"; do
  jar=$(ls "$m"/target/"$m"-*.jar | grep -v -e '-sources' -e '-javadoc' | head -1)
  work=$(mktemp -d)
  # Classes only: resources (lexicon data, migrations) are not API and would bloat the repository.
  (cd "$work" && unzip -q "$OLDPWD/$jar" '*.class' && \
    find . -name '*.class' | sort | TZ=UTC zip -q -X -D "$OLDPWD/api-baseline/$m.jar" -@)
  rm -rf "$work"
  echo "recorded api-baseline/$m.jar from $jar"
done
