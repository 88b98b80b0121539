#!/usr/bin/env bash
# Runs a command with a tiny, real file system mounted for the disk-full tests:
#
#   scripts/with-small-fs.sh mvn -B -pl spirit-storage-file -am verify
#
# mounts a 2 MiB tmpfs on a fresh temporary directory, exports
#   SPIRIT_TEST_SMALL_FS   (read by spirit-storage-file's DiskFullTest)
# as its path, runs the command, and unmounts and removes it however the command ends. Writes on it
# fail with ENOSPC ("No space left on device") once 2 MiB are used. Needs root (or CAP_SYS_ADMIN),
# as in CI; without it, spirit_small_fs_start fails and says why.
#
# The script can also be sourced; it then only defines spirit_small_fs_start and
# spirit_small_fs_stop (.ci/run does that).

spirit_small_fs_start() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/spirit-small-fs.XXXXXX")
  if ! mount -t tmpfs -o size=2m,mode=0777 spirit-small-fs "$dir"; then
    rmdir "$dir"
    echo "with-small-fs: cannot mount a tmpfs on $dir (needs root); the disk-full tests" \
      "would be skipped" >&2
    return 1
  fi
  SPIRIT_SMALL_FS_DIR=$dir
  SPIRIT_TEST_SMALL_FS=$dir
  export SPIRIT_SMALL_FS_DIR SPIRIT_TEST_SMALL_FS
  echo "with-small-fs: a 2 MiB tmpfs is mounted at $dir (SPIRIT_TEST_SMALL_FS)"
}

spirit_small_fs_stop() {
  if [[ -n "${SPIRIT_SMALL_FS_DIR:-}" && -d "$SPIRIT_SMALL_FS_DIR" ]]; then
    umount "$SPIRIT_SMALL_FS_DIR" || umount -l "$SPIRIT_SMALL_FS_DIR" || true
    rmdir "$SPIRIT_SMALL_FS_DIR" || true
    echo "with-small-fs: unmounted and removed $SPIRIT_SMALL_FS_DIR"
    unset SPIRIT_SMALL_FS_DIR
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  if [[ $# -eq 0 ]]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
  fi
  trap spirit_small_fs_stop EXIT
  spirit_small_fs_start
  "$@"
fi
