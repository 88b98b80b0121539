#!/usr/bin/env bash
# Installs what spirit-examples' browser tests need: Debian's chromium and chromium-driver (used by
# Selenium with the system chromedriver; nothing is downloaded at test time), plus a CJK font so
# screenshots of the Chinese pages are readable. Does nothing if they are already there.
set -euo pipefail

need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
[[ -x /usr/bin/chromedriver ]] || need+=(chromium-driver)
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh | grep -q .; then
  need+=(fonts-noto-cjk)
elif ! command -v fc-list >/dev/null 2>&1; then
  need+=(fonts-noto-cjk)
fi

if [[ ${#need[@]} -eq 0 ]]; then
  echo "install-browser: chromium, chromium-driver and a CJK font are already installed"
  exit 0
fi

echo "install-browser: installing ${need[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null
/usr/bin/chromium --version
/usr/bin/chromedriver --version
