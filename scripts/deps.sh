# Sourced by scripts/run and scripts/test: installs what is missing on Debian (bookworm).
# Nothing is installed when everything is already there.

TASKSCOPE_PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev libgmp-dev
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgl-dev fonts-noto-cjk xvfb xauth
  dpkg-dev desktop-file-utils
)

taskscope_install_deps() {
  local missing=()
  local p
  for p in "${TASKSCOPE_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  # python3 may come from elsewhere (pyenv); only a missing command matters.
  if command -v python3 >/dev/null 2>&1; then
    local keep=()
    for p in "${missing[@]}"; do [ "$p" = python3 ] || keep+=("$p"); done
    missing=("${keep[@]}")
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "taskscope: installing missing packages: ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "taskscope: please install as root: apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures (once) and builds into build/ with the given preset.
taskscope_build() {
  local preset="$1"; shift
  if [ ! -f build/build.ninja ] || [ "$(cat build/.taskscope-preset 2>/dev/null)" != "$preset" ]; then
    cmake --preset "$preset"
    echo "$preset" > build/.taskscope-preset
  fi
  cmake --build build -j "$(nproc)" "$@"
}
