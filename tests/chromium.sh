# Sourced by test.sh: finds Debian's chromium for the web app's browser tests (Playwright drives it;
# it never downloads a browser of its own), installing it with apt-get when missing, and exports
# its path as TANDEM_CHROMIUM. Returns non-zero when there is none to be had.
find_chromium() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -n "${TANDEM_CHROMIUM:-}" ] && [ -x "$TANDEM_CHROMIUM" ]; then
    return 0
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "chromium is not installed and this is not root: run 'sudo apt-get install chromium' first" >&2
      return 1
    fi
    echo "installing chromium with apt-get ..." >&2
    apt-get update -qq >/dev/null || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || return 1
  fi
  TANDEM_CHROMIUM="$(command -v chromium)"
  export TANDEM_CHROMIUM
}
