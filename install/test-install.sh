#!/usr/bin/env bash
# Tests install.sh against throw-away staging roots: a dry run changes nothing and lists every
# action; a staging install lays out files with the right modes; a second run keeps config and
# replaces the software; the launchers pick the OpenCV build from the env file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
check() { local what=$1; shift; if "$@"; then echo "ok: $what"; else fail "$what"; fi; }
has_line() { grep -qF -- "$2" <<< "$1"; }
mode_of() { stat -c '%a' "$1"; }

mkdir -p "$WORK/dist/lib" "$WORK/dry" "$WORK/root"
echo jar > "$WORK/dist/lib/edge-runtime.jar"
echo jar > "$WORK/dist/lib/sync-agent.jar"

# 1. Dry run into a staging root: prints the plan, touches nothing.
out=$("$HERE/install.sh" --dry-run --root "$WORK/dry" --dist "$WORK/dist")
check "dry run leaves the staging root empty" test -z "$(ls -A "$WORK/dry")"
check "dry run creates the user" has_line "$out" "useradd --system --user-group"
check "dry run makes keys 0700" has_line "$out" "install -d -m 0700 $WORK/dry/var/lib/enforce/keys"
check "dry run makes evidence 0750" has_line "$out" "install -d -m 0750 $WORK/dry/var/lib/enforce/evidence"
check "dry run installs the runtime jar" has_line "$out" "$WORK/dry/opt/enforce/lib/edge-runtime.jar"
check "dry run installs both units" has_line "$out" "$WORK/dry/etc/systemd/system/enforce-sync.service"
check "dry run copies the config template" has_line "$out" "site.yaml.example $WORK/dry/etc/enforce/site.yaml"
check "dry run generates the key pair" has_line "$out" "edgectl keys init --dir /var/lib/enforce/keys"
check "dry run installs libopencv-java" has_line "$out" "libopencv-java"
check "dry run enables the services" has_line "$out" "systemctl enable enforce-runtime.service enforce-sync.service"

# 2. Staging install: files, modes, launchers.
out=$("$HERE/install.sh" --root "$WORK/root" --dist "$WORK/dist")
R=$WORK/root
check "runtime jar installed" test -f "$R/opt/enforce/lib/edge-runtime.jar"
check "launchers executable" test -x "$R/opt/enforce/bin/enforce-runtime" -a -x "$R/opt/enforce/bin/edgectl"
check "edgectl on PATH" test "$(readlink "$R/usr/local/bin/edgectl")" = /opt/enforce/bin/edgectl
check "units installed" test -f "$R/etc/systemd/system/enforce-runtime.service" -a -f "$R/etc/systemd/system/enforce-sync.service"
check "config from template" cmp -s "$HERE/etc/site.yaml.example" "$R/etc/enforce/site.yaml"
check "config readable by group only" test "$(mode_of "$R/etc/enforce/site.yaml")" = 640
check "config dir 0750" test "$(mode_of "$R/etc/enforce")" = 750
check "keys dir 0700" test "$(mode_of "$R/var/lib/enforce/keys")" = 700
check "db dir 0750" test "$(mode_of "$R/var/lib/enforce/db")" = 750
check "software dir 0755" test "$(mode_of "$R/opt/enforce/lib")" = 755
check "first install asks to edit the config" has_line "$out" "next: edit /etc/enforce/site.yaml"

# 3. Second run (upgrade): keeps edited config, drops jars no longer shipped.
echo "# edited on site" >> "$R/etc/enforce/site.yaml"
echo old > "$R/opt/enforce/lib/removed-in-this-version.jar"
touch "$R/var/lib/enforce/keys/unit.key"
out=$("$HERE/install.sh" --root "$WORK/root" --dist "$WORK/dist")
check "edited config kept" grep -q "edited on site" "$R/etc/enforce/site.yaml"
check "keeping is reported" has_line "$out" "= keeping existing /etc/enforce/site.yaml"
check "stale jar removed" test ! -e "$R/opt/enforce/lib/removed-in-this-version.jar"
check "existing key pair kept" has_line "$out" "= keeping existing key pair"

check "models folder made" test -d "$R/opt/enforce/models"
check "watchdog udev rule installed" grep -q 'KERNEL=="watchdog", GROUP="enforce"' "$R/etc/udev/rules.d/60-enforce-watchdog.rules"
check "runtime unit passes extra options" grep -q 'ExecStart=.*--state /var/lib/enforce $ENFORCE_RUNTIME_OPTS' \
    "$R/etc/systemd/system/enforce-runtime.service"

# 3b. An archive without libopencv-java (fake apt-cache, nothing installed): Java still installed, OpenCV skipped with a note.
printf '#!/bin/sh\nexit 1\n' > "$WORK/dpkg-query-none"
chmod +x "$WORK/dpkg-query-none"
export DPKG_QUERY=$WORK/dpkg-query-none
printf '#!/bin/sh\necho "$2:"; echo "  Installed: (none)"; echo "  Candidate: (none)"\n' > "$WORK/apt-cache-none"
chmod +x "$WORK/apt-cache-none"
out=$(APT_CACHE=$WORK/apt-cache-none "$HERE/install.sh" --dry-run --dist "$WORK/dist" 2>&1 || true)
check "absent libopencv-java is skipped with a note" has_line "$out" "! libopencv-java is not offered"
check "absent libopencv-java is not asked of apt" bash -c "! grep -q 'apt-get install.*libopencv-java' <<< \"\$1\"" _ "$out"
printf '#!/bin/sh\necho "$2:"; echo "  Installed: (none)"; echo "  Candidate: 4.6.0+dfsg-12"\n' > "$WORK/apt-cache-some"
chmod +x "$WORK/apt-cache-some"
out=$(APT_CACHE=$WORK/apt-cache-some "$HERE/install.sh" --dry-run --dist "$WORK/dist" 2>&1 || true)
check "offered libopencv-java is installed" has_line "$out" "libopencv-java"
check "offered libopencv-java goes to apt-get" bash -c "grep -q 'apt-get install.*libopencv-java' <<< \"\$1\"" _ "$out"
unset DPKG_QUERY

# 4. Bad input.
check "unknown option rejected" bash -c "! '$HERE/install.sh' --frobnicate 2>/dev/null"
check "missing jars rejected outside dry run" bash -c "! '$HERE/install.sh' --root '$WORK/dry' --dist '$WORK/nothing' >/dev/null 2>&1"

# 5. Launchers choose the OpenCV build.
fake_jar=$WORK/opencv.jar
touch "$fake_jar"
cmd=$(ENFORCE_OPENCV=system ENFORCE_OPENCV_JAR=$fake_jar ENFORCE_ENV=/nonexistent ENFORCE_SHOW_COMMAND=1 \
    JAVA_OPTS="-Xmx64m" "$R/opt/enforce/bin/enforce-runtime" --config x)
check "system OpenCV jar goes first on the class path" has_line "$cmd" "-cp $fake_jar:$R/opt/enforce/lib/*"
check "system OpenCV native path and mode passed" has_line "$cmd" "-Denforce.opencv=system -Djava.library.path=/usr/lib/jni"
check "JAVA_OPTS and arguments passed" has_line "$cmd" "java -Xmx64m"
check "runtime main class and args" has_line "$cmd" "tw.enforce.runtime.cli.RuntimeMain --config x"
cmd=$(ENFORCE_OPENCV=bundled ENFORCE_ENV=/nonexistent ENFORCE_SHOW_COMMAND=1 ENFORCE_MODEL=/m/yolox.onnx \
    ENFORCE_PLATE_LOCALISER=/m/lpd.onnx "$R/opt/enforce/bin/enforce-runtime" --config x)
check "model files from the env file become runtime options" has_line "$cmd" \
    "RuntimeMain --model /m/yolox.onnx --plate-localiser /m/lpd.onnx --config x"
cmd=$(ENFORCE_OPENCV=bundled ENFORCE_ENV=/nonexistent ENFORCE_SHOW_COMMAND=1 "$R/opt/enforce/bin/enforce-runtime" --config x)
check "no model options when none is configured" has_line "$cmd" "RuntimeMain --config x"
cmd=$(ENFORCE_OPENCV=bundled ENFORCE_ENV=/nonexistent ENFORCE_SHOW_COMMAND=1 "$R/opt/enforce/bin/enforce-sync")
check "bundled OpenCV adds nothing" bash -c "! grep -q opencv <<< '$cmd'"
check "sync main class" has_line "$cmd" "tw.enforce.sync.mqtt.SyncAgentMain"
cmd=$(ENFORCE_OPENCV=auto ENFORCE_OPENCV_JAR=$fake_jar ENFORCE_ENV=/nonexistent ENFORCE_SHOW_COMMAND=1 \
    "$R/opt/enforce/bin/enforce-runtime")
check "auto picks Debian's OpenCV when its jar is installed" has_line "$cmd" "-Denforce.opencv=system"
cmd=$(ENFORCE_OPENCV=auto ENFORCE_OPENCV_JAR=/nope ENFORCE_ENV=/nonexistent ENFORCE_SHOW_COMMAND=1 \
    "$R/opt/enforce/bin/enforce-runtime")
check "auto falls back to the bundled build without it" bash -c "! grep -q opencv <<< '$cmd'"
check "missing system OpenCV is explained" bash -c "ENFORCE_OPENCV=system ENFORCE_OPENCV_JAR=/nope ENFORCE_ENV=/nonexistent \
    '$R/opt/enforce/bin/edgectl' 2>&1 | grep -q 'apt-get install libopencv-java'"

# 6. systemd's own check of the unit files, where systemd-analyze is available.
if command -v systemd-analyze > /dev/null; then
    for unit in enforce-runtime.service enforce-sync.service; do
        if warnings=$(systemd-analyze verify --man=no "$HERE/systemd/$unit" 2>&1 | grep -v -e 'is not executable' -e 'No such file or directory' -e "Failed to prepare filename" -e '^$'); then
            fail "systemd-analyze verify $unit: $warnings"
        else
            echo "ok: systemd-analyze verify $unit"
        fi
    done
else
    echo "skip: systemd-analyze not installed"
fi

if ((FAILS)); then
    echo "$FAILS install check(s) failed" >&2
    exit 1
fi
echo "all install checks passed"
