#!/usr/bin/env bash
# Puts one enforcement unit in service (Debian 12 / Raspberry Pi OS):
#   user and group 'enforce' (in the video, gpio and dialout groups where they exist);
#   /opt/enforce (software, read-only, root-owned), /etc/enforce (config, root:enforce 0750),
#   /var/lib/enforce/{evidence,db,keys} (state, enforce-owned; keys 0700);
#   the launchers and jars; /opt/enforce/models for the model files; config templates if none
#   present; Debian's Java 17, and libopencv-java (FFmpeg/GStreamer for mp4 and RTSP) when the
#   archive has it (else the bundled OpenCV runs, MJPEG .avi and V4L2 only); the udev rule giving
#   the enforce group /dev/watchdog; the unit's Ed25519 key pair if absent; the two systemd
#   services, enabled.
# Idempotent: re-running upgrades the software and units and keeps config, state and keys.
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: install.sh [--dry-run] [--root DIR] [--dist DIR] [--no-apt] [--no-enable]
  --dry-run    print every action, change nothing
  --root DIR   install into a staging root (for tests and image building): files and directories
               only; users, ownership, packages, keys and services are listed as skipped
  --dist DIR   where the built jars are: DIR/lib/*.jar (default: <repo>/target/dist)
  --no-apt     do not install Debian packages (Java 17, libopencv-java)
  --no-enable  install the systemd units without enabling them
USAGE
}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIST="$HERE/../target/dist"
PREFIX=""
DRY_RUN=0
APT=1
ENABLE=1
while (($#)); do
    case $1 in
        --dry-run) DRY_RUN=1 ;;
        --root) [[ $# -ge 2 ]] || { echo "install.sh: --root needs a directory" >&2; exit 2; }
                PREFIX=${2%/}; shift ;;
        --dist) [[ $# -ge 2 ]] || { echo "install.sh: --dist needs a directory" >&2; exit 2; }
                DIST=$2; shift ;;
        --no-apt) APT=0 ;;
        --no-enable) ENABLE=0 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

SVC_USER=enforce
OPT=/opt/enforce
ETC=/etc/enforce
STATE=/var/lib/enforce
UNITS=(enforce-runtime.service enforce-sync.service)
PACKAGES=(openjdk-17-jre-headless)
# Installed when the configured archives offer them; the unit works without, with less.
OPTIONAL_PACKAGES=(libopencv-java opencv-data)
APT_CACHE=${APT_CACHE:-apt-cache}
DPKG_QUERY=${DPKG_QUERY:-dpkg-query}

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }
# A path in the target tree.
t() { printf '%s%s' "$PREFIX" "$1"; }
# A change to the target tree: printed, and done unless --dry-run.
run() {
    say "+ $*"
    if ((DRY_RUN == 0)); then "$@"; fi
}
# A change to the host itself (users, ownership, packages, keys, services): not for a staging root.
host() {
    if [[ -n $PREFIX ]]; then say "- skipped (staging root): $*"; else run "$@"; fi
}

# Directory with mode and owner; a staging root gets the mode only.
dir() {
    local mode=$1 owner=$2 path=$3
    run install -d -m "$mode" "$(t "$path")"
    host chown "$owner" "$path"
}

# A system directory that must exist; its mode and owner are the distribution's business.
sysdir() {
    if [[ ! -d $(t "$1") ]]; then run mkdir -p "$(t "$1")"; fi
}

# File copied with mode and owner.
file() {
    local mode=$1 owner=$2 src=$3 dest=$4
    [[ -r $src ]] || die "missing $src"
    run install -m "$mode" "$src" "$(t "$dest")"
    host chown "$owner" "$dest"
}

# Whether the configured apt archives offer a package (a candidate version exists).
offered() {
    "$APT_CACHE" policy "$1" 2> /dev/null | grep -q 'Candidate: [^(]'
}

# Config file from a template, only when none is present.
config() {
    local src=$1 dest=$2
    if [[ -e $(t "$dest") ]]; then
        say "= keeping existing $dest"
    else
        file 0640 "root:$SVC_USER" "$src" "$dest"
        FRESH_CONFIG=1
    fi
}

if [[ -z $PREFIX && $DRY_RUN -eq 0 && $EUID -ne 0 ]]; then
    die "run as root (or use --dry-run, or --root DIR for a staging tree)"
fi
if [[ -n $PREFIX ]]; then
    [[ -d $PREFIX ]] || die "staging root $PREFIX is not a directory"
    say "# staging root $PREFIX"
fi
shopt -s nullglob
JARS=("$DIST"/lib/*.jar)
shopt -u nullglob
if ((${#JARS[@]} == 0)); then
    ((DRY_RUN)) || die "no jars in $DIST/lib: build them first, or pass --dist DIR"
    say "! no jars in $DIST/lib yet (dry run continues)"
fi

say "# user and group"
if [[ -z $PREFIX ]] && getent passwd "$SVC_USER" > /dev/null; then
    say "= user $SVC_USER exists"
else
    host useradd --system --user-group --home-dir "$STATE" --no-create-home --shell /usr/sbin/nologin \
        --comment "roadside enforcement services" "$SVC_USER"
fi
for group in video gpio dialout; do
    if [[ -n $PREFIX ]] || getent group "$group" > /dev/null; then
        host usermod --append --groups "$group" "$SVC_USER"
    fi
done

say "# directories"
dir 0755 root:root "$OPT"
dir 0755 root:root "$OPT/bin"
dir 0755 root:root "$OPT/lib"
dir 0755 root:root "$OPT/models"
sysdir /etc/systemd/system
sysdir /usr/local/bin
sysdir /etc/udev/rules.d
dir 0750 "root:$SVC_USER" "$ETC"
dir 0750 "$SVC_USER:$SVC_USER" "$STATE"
dir 0750 "$SVC_USER:$SVC_USER" "$STATE/evidence"
dir 0750 "$SVC_USER:$SVC_USER" "$STATE/db"
dir 0700 "$SVC_USER:$SVC_USER" "$STATE/keys"

say "# software (replaces the previous version)"
shopt -s nullglob
OLD_JARS=("$(t "$OPT/lib")"/*.jar)
shopt -u nullglob
if ((${#OLD_JARS[@]})); then
    run rm -f "${OLD_JARS[@]}"
fi
for jar in "${JARS[@]}"; do
    file 0644 root:root "$jar" "$OPT/lib/$(basename "$jar")"
done
for launcher in enforce-java enforce-runtime enforce-sync edgectl; do
    file 0755 root:root "$HERE/bin/$launcher" "$OPT/bin/$launcher"
done
run ln -sfn "$OPT/bin/edgectl" "$(t /usr/local/bin/edgectl)"
file 0644 root:root "$HERE/etc/site.yaml.example" "$ETC/site.yaml.example"

say "# configuration"
FRESH_CONFIG=0
config "$HERE/etc/site.yaml.example" "$ETC/site.yaml"
config "$HERE/etc/enforce.env" "$ETC/enforce.env"

say "# packages"
if ((APT)); then
    missing=()
    for pkg in "${PACKAGES[@]}" "${OPTIONAL_PACKAGES[@]}"; do
        if [[ -z $PREFIX ]] && "$DPKG_QUERY" -W -f='${Status}' "$pkg" 2> /dev/null | grep -q 'install ok installed'; then
            say "= $pkg installed"
        elif [[ -z $PREFIX && " ${OPTIONAL_PACKAGES[*]} " == *" $pkg "* ]] && ! offered "$pkg"; then
            say "! $pkg is not offered by this system's archives: skipped (the bundled OpenCV runs: MJPEG .avi and V4L2 only, no mp4 or RTSP)"
        else
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]})); then
        host env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
else
    say "= --no-apt: not installing ${PACKAGES[*]} ${OPTIONAL_PACKAGES[*]}"
fi

say "# device key pair"
if [[ -e $(t "$STATE/keys/unit.key") ]]; then
    say "= keeping existing key pair in $STATE/keys"
else
    host runuser -u "$SVC_USER" -- "$OPT/bin/edgectl" keys init --dir "$STATE/keys"
    host find "$STATE/keys" -type f ! -name '*.pub' -exec chmod 0600 {} +
fi

say "# devices"
file 0644 root:root "$HERE/udev/60-enforce-watchdog.rules" /etc/udev/rules.d/60-enforce-watchdog.rules
host udevadm control --reload-rules

say "# systemd services"
for unit in "${UNITS[@]}"; do
    file 0644 root:root "$HERE/systemd/$unit" "/etc/systemd/system/$unit"
done
host systemctl daemon-reload
if ((ENABLE)); then
    host systemctl enable "${UNITS[@]}"
    if ((FRESH_CONFIG)); then
        say "next: edit $ETC/site.yaml and $ETC/enforce.env, then: systemctl start ${UNITS[*]}"
    else
        host systemctl try-restart "${UNITS[@]}"
    fi
fi
say "# done"
